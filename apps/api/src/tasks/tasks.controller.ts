import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@motcua/calendar';
import { Clock } from '@motcua/config';
import { DomainError, ErrorCode, Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { TasksService } from '@motcua/workflow';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { AssignTaskDto, CompleteTaskDto, InboxPageDto, InboxQuery, TaskResponseDto, toInboxItem, toTaskResponse } from './dto/task.dto';

/** A malformed task id names no task: 404, like any task outside the inbox. */
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.NOT_FOUND, 'No such task in your inbox') });

/** The processors' inbox: the steps waiting for their agency and role. */
@ApiTags('tasks')
@Authenticated()
@Roles(Role.PROCESSOR, Role.LEADER, Role.RECEPTION)
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "My agency's open steps for my role, soonest deadline first, with working hours left" })
  @ApiOkResponse({ type: InboxPageDto })
  async inbox(@CurrentActor() actor: Actor, @Query() query: InboxQuery): Promise<InboxPageDto> {
    const now = this.clock.now();
    const calendar = await this.calendar.current();
    const { items, total, totalCapped } = await this.tasks.inbox(actor, {
      mine: query.mine ?? false,
      overdueAt: query.overdue ? now : undefined,
      dueSoonAt: query.dueSoon ? now : undefined,
      dossierCode: query.dossier,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map((item) => toInboxItem(item, calendar, now)), total, totalCapped, limit: query.limit, offset: query.offset };
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take a step: exactly one of several concurrent claimers wins' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiConflictResponse({ description: 'Someone else claimed it first' })
  async claim(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<TaskResponseDto> {
    return toTaskResponse(await this.tasks.claim(actor, id));
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Finish a claimed step: forward, approve, return, request supplement or payment, reject, skip' })
  @ApiOkResponse({ type: TaskResponseDto })
  async complete(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: CompleteTaskDto): Promise<TaskResponseDto> {
    const task = await this.tasks.complete(actor, id, { action: dto.action, note: dto.note ?? null, targetStep: dto.targetStep, items: dto.items }, this.clock.now());
    return toTaskResponse(task);
  }

  @Post(':id/release')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.LEADER, Role.ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: "Give a claimed step back to its agency's inbox (a LEADER of that agency, or an ADMIN whose scope holds it)" })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiConflictResponse({ description: 'STEP_NOT_CLAIMED: nobody holds it; STEP_ALREADY_COMPLETED, STEP_CANCELLED' })
  async release(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<TaskResponseDto> {
    return toTaskResponse(await this.tasks.release(actor, id, this.clock.now()));
  }

  @Post(':id/assign')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.LEADER, Role.ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Hand a step to an active officer of its agency with its role (a LEADER of that agency, or an ADMIN whose scope holds it)' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiConflictResponse({ description: 'STEP_ALREADY_COMPLETED, STEP_CANCELLED' })
  async assign(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: AssignTaskDto): Promise<TaskResponseDto> {
    return toTaskResponse(await this.tasks.assign(actor, id, dto.username, this.clock.now()));
  }
}
