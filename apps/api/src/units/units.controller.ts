import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import { ListUnitsQuery } from './dto/list-units.query';
import { toUnitPage, UnitPageDto } from './dto/unit-response.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@Authenticated()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: "Administrative units in force at a date, inside the caller's scope" })
  @ApiOkResponse({ type: UnitPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQuery): Promise<UnitPageDto> {
    return toUnitPage(await this.units.list(actor, query));
  }
}
