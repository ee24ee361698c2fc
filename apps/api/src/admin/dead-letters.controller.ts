import { Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterDto, DeadLetterPageDto, DeadLetterQuery, toDeadLetterResponse } from './dto/dead-letter.dto';

const letterId = new ParseIntPipe({ exceptionFactory: () => new DomainError(ErrorCode.NOT_FOUND, 'No such dead letter') });

@ApiTags('admin')
@Authenticated()
@Roles(Role.SYSTEM_ADMIN)
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Events that failed every delivery (a handler bug, bad data), newest first, with their last error' })
  @ApiOkResponse({ type: DeadLetterPageDto })
  async list(@Query() query: DeadLetterQuery): Promise<DeadLetterPageDto> {
    const { items, total } = await this.deadLetters.list(query.retried ?? false, query.limit, query.offset);
    return { items: items.map(toDeadLetterResponse), total, limit: query.limit, offset: query.offset };
  }

  @Post(':letter/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Run a dead letter again: the relay publishes it as a new delivery' })
  @ApiOkResponse({ type: DeadLetterDto })
  @ApiNotFoundResponse({ description: 'No dead letter with this id waiting for a retry' })
  async retry(@CurrentActor() actor: Actor, @Param('letter', letterId) letter: number): Promise<DeadLetterDto> {
    return toDeadLetterResponse(await this.deadLetters.retry(actor, String(letter)));
  }
}
