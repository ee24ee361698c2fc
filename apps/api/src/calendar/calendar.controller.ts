import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@motcua/calendar';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { CalendarYearDto, DeadlineResponseDto, toCalendarYear, toDeadlineResponse } from './dto/calendar-response.dto';
import { DeadlineQuery, ReplaceOverridesDto, YearParams } from './dto/calendar.dto';

@ApiTags('calendar')
@Authenticated()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  // Declared before ':year' so 'deadline' is never read as a year.
  @Get('deadline')
  @ApiOperation({ summary: 'When will it be ready? The counting start and the deadline for an amount of legal time' })
  @ApiOkResponse({ type: DeadlineResponseDto })
  async deadline(@Query() query: DeadlineQuery): Promise<DeadlineResponseDto> {
    const from = new Date(query.from);
    const { countingStart, deadline } = await this.calendar.deadline(from, query.amount, query.unit);
    return toDeadlineResponse(from, countingStart, deadline, query);
  }

  @Get(':year')
  @ApiOperation({ summary: 'Every non-working day of the year with its reason, and every make-up working day' })
  @ApiOkResponse({ type: CalendarYearDto })
  async year(@Param() params: YearParams): Promise<CalendarYearDto> {
    const { calendar, overrides } = await this.calendar.view();
    return toCalendarYear(calendar, params.year, overrides);
  }

  @Put(':year/overrides')
  @Roles(Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: "Replace the year's national overrides (SYSTEM_ADMIN): extra days off and make-up working days" })
  @ApiOkResponse({ type: CalendarYearDto })
  async replaceOverrides(@CurrentActor() actor: Actor, @Param() params: YearParams, @Body() dto: ReplaceOverridesDto): Promise<CalendarYearDto> {
    await this.calendar.replaceYear(params.year, dto.overrides, actor.userId);
    return this.year(params);
  }
}
