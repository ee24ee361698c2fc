import { ApiProperty } from '@nestjs/swagger';
import { formatVietnameseDateTime, type CalendarOverride, type DeadlineUnit, type WorkingCalendar } from '@motcua/domain';
import { CalendarOverrideDto } from './calendar.dto';

export class NonWorkingDayDto {
  @ApiProperty({ example: '2025-04-30' }) date!: string;
  @ApiProperty({ enum: ['weekend', 'holiday', 'compensatory', 'override'] }) kind!: string;
  @ApiProperty({ example: 'Ngày Chiến thắng (30/4)' }) label!: string;
}

export class MakeUpWorkingDayDto {
  @ApiProperty({ example: '2025-04-26' }) date!: string;
  @ApiProperty() label!: string;
}

export class CalendarYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [NonWorkingDayDto] }) nonWorkingDays!: NonWorkingDayDto[];
  @ApiProperty({ type: [MakeUpWorkingDayDto] }) makeUpWorkingDays!: MakeUpWorkingDayDto[];
  @ApiProperty({ type: [CalendarOverrideDto], description: "The administrator's overrides of the year" }) overrides!: CalendarOverrideDto[];
}

export class DeadlineResponseDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'When the legal time starts counting (after the cut-off: the next working session)' })
  countingStart!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({ example: '17:00, ngày 05/02/2025', description: 'The deadline as a receipt prints it' }) deadlineText!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: ['working_hours', 'half_days', 'working_days', 'calendar_days', 'months'] }) unit!: DeadlineUnit;
  @ApiProperty({ enum: ['counter', 'online', 'post'] }) channel!: string;
}

export function toCalendarYear(calendar: WorkingCalendar, year: number, overrides: readonly CalendarOverride[]): CalendarYearDto {
  const summary = calendar.yearSummary(year);
  return {
    year,
    nonWorkingDays: [...summary.nonWorkingDays],
    makeUpWorkingDays: [...summary.makeUpWorkingDays],
    overrides: overrides.filter((override) => override.date.startsWith(`${year}-`)),
  };
}

export function toDeadlineResponse(from: Date, countingStart: Date, deadline: Date, query: { amount: number; unit: DeadlineUnit; channel: string }): DeadlineResponseDto {
  return {
    from: from.toISOString(),
    countingStart: countingStart.toISOString(),
    deadline: deadline.toISOString(),
    deadlineText: formatVietnameseDateTime(deadline),
    amount: query.amount,
    unit: query.unit,
    channel: query.channel,
  };
}
