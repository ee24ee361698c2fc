import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DOSSIER_CODE_PATTERN, formatVietnameseDateTime, KEY_PATTERN, TASK_ACTIONS } from '@motcua/domain';
import type { Task, TaskAction, WorkingCalendar } from '@motcua/domain';
import type { InboxItem } from '@motcua/persistence';
import { PageQuery } from '../../common/page';
import { SupplementItemDto } from '../../dossiers/dto/create-dossier.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the tasks I claimed' }) @IsOptional() @Transform(toBoolean) @IsBoolean() mine?: boolean;
  @ApiPropertyOptional({ description: 'Only tasks past their deadline' }) @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'Only tasks past their due-soon mark' }) @IsOptional() @Transform(toBoolean) @IsBoolean() dueSoon?: boolean;

  @ApiPropertyOptional({ example: '002.00.31.H56-250512-0001', description: "Only this dossier's steps" })
  @IsOptional()
  @Matches(DOSSIER_CODE_PATTERN, { message: 'dossier must be a dossier code' })
  dossier?: string;
}

export class AssignTaskDto {
  @ApiProperty({ example: 'xuly.vinhhai', description: "An active officer of the step's agency with the step's role" })
  @MaxLength(64)
  @IsString()
  username!: string;
}

export class CompleteTaskDto {
  @ApiProperty({
    enum: TASK_ACTIONS,
    description:
      'forward/approve: done; return: back to an earlier step; request-supplement / request-payment: the dossier waits for the citizen; reject: to the return desk with a refusal; skip: an optional branch',
  })
  @IsIn(TASK_ACTIONS)
  action!: TaskAction;

  @ApiPropertyOptional({ example: 'Hồ sơ hợp lệ, đủ điều kiện' }) @IsOptional() @MaxLength(2000) @IsString() note?: string;

  @ApiPropertyOptional({ example: 'tham-dinh', description: "For 'return': the earlier step (default: the previous one)" })
  @IsOptional()
  @Matches(KEY_PATTERN, { message: 'targetStep must be a step key' })
  targetStep?: string;

  @ApiPropertyOptional({ type: [SupplementItemDto], description: "For 'request-supplement': everything missing, at once" })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  @ArrayMaxSize(50)
  @IsArray()
  items?: SupplementItemDto[];
}

export class TaskResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() stepKey!: string;
  @ApiProperty() stepName!: string;
  @ApiProperty() activation!: number;
  @ApiProperty({ enum: ['open', 'claimed', 'done', 'skipped', 'cancelled'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) assigneeId!: string | null;
  @ApiProperty() optional!: boolean;
  @ApiProperty({ format: 'date-time' }) activatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueText!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['early', 'on_time', 'late'] }) result!: string | null;
  @ApiProperty({ type: String, nullable: true }) action!: string | null;
}

export class TimeLeftDto {
  @ApiProperty({ description: 'Whole working days on the calendar' }) days!: number;
  @ApiProperty({ description: 'Working minutes of the partial days (today, the deadline day)' }) minutes!: number;
}

export class InboxItemDto extends TaskResponseDto {
  @ApiProperty() dossierCode!: string;
  @ApiProperty() dossierStatus!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ description: 'Working hours left until the step deadline; negative when overdue' }) remainingWorkingHours!: number;
  @ApiProperty({ type: TimeLeftDto, description: 'The time left (or, when overdue, since the deadline) as officers count it: "còn 2 ngày 3 giờ"' }) timeLeft!: TimeLeftDto;
  @ApiProperty() dueSoon!: boolean;
  @ApiProperty() overdue!: boolean;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'True when more than `total` match: long lists stop counting at 10,000' }) totalCapped!: boolean;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toTaskResponse(task: Task): TaskResponseDto {
  return {
    id: task.id,
    stepKey: task.stepKey,
    stepName: task.stepName,
    activation: task.activation,
    status: task.status,
    assigneeId: task.assigneeId,
    optional: task.optional,
    activatedAt: task.activatedAt.toISOString(),
    dueAt: task.dueAt?.toISOString() ?? null,
    dueText: task.dueAt ? formatVietnameseDateTime(task.dueAt) : null,
    result: task.result,
    action: task.action,
  };
}

export function toInboxItem(item: InboxItem, calendar: WorkingCalendar, now: Date): InboxItemDto {
  const { task } = item;
  const remaining = task.dueAt ? calendar.remainingWorkingTime(now, task.dueAt) : 0;
  return {
    ...toTaskResponse(task),
    dossierCode: item.dossierCode,
    dossierStatus: item.dossierStatus,
    procedureName: item.procedureName,
    applicantName: item.applicantName,
    remainingWorkingHours: Math.round((remaining / 60) * 10) / 10,
    timeLeft: task.dueAt ? timeLeftOf(calendar.timeLeft(now, task.dueAt)) : { days: 0, minutes: 0 },
    dueSoon: !!task.dueSoonAt && task.dueSoonAt <= now,
    overdue: !!task.dueAt && task.dueAt < now,
  };
}

const timeLeftOf = ({ days, minutes }: TimeLeftDto): TimeLeftDto => ({ days, minutes: Math.round(minutes) });
