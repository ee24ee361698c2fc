import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DEADLINE_UNITS, type DeadlineUnit } from '@motcua/domain';
import { IsLocalDate } from '../../common/local-date';

/** An instant must say its zone: '2025-01-24T09:00:00+07:00' or '…Z'; a bare local time is ambiguous. */
const INSTANT_WITH_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

export class YearParams {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2025 })
  @Type(() => Number)
  @Min(2000)
  @Max(2100)
  @IsNumber({ maxDecimalPlaces: 0 }, { message: 'year must be a whole number' })
  year!: number;
}

export class CalendarOverrideDto {
  @ApiProperty({ example: '2025-05-02' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ enum: ['day_off', 'working_day'] })
  @IsIn(['day_off', 'working_day'])
  kind!: 'day_off' | 'working_day';

  @ApiProperty({ example: 'Nghỉ lễ 30/4 – 1/5 (hoán đổi)' })
  @MinLength(1)
  @MaxLength(300)
  @IsString()
  reason!: string;
}

export class ReplaceOverridesDto {
  @ApiProperty({ type: [CalendarOverrideDto], description: "Every override of the year; replaces the year's list" })
  @ValidateNested({ each: true })
  @Type(() => CalendarOverrideDto)
  @ArrayMaxSize(366)
  @IsArray()
  overrides!: CalendarOverrideDto[];
}

export class DeadlineQuery {
  @ApiProperty({ description: 'When the dossier is received, with its zone', example: '2025-01-24T09:00:00+07:00' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'from must be an ISO 8601 instant' })
  @Matches(INSTANT_WITH_ZONE, { message: 'from must end with a zone: Z or +07:00' })
  from!: string;

  @ApiProperty({ example: 3, minimum: 0, maximum: 1000 })
  @Type(() => Number)
  @Min(0)
  @Max(1000)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'amount must be a number' })
  amount!: number;

  @ApiProperty({ enum: DEADLINE_UNITS })
  @IsIn(DEADLINE_UNITS)
  unit!: DeadlineUnit;

  @ApiProperty({ required: false, enum: ['counter', 'online', 'post'], default: 'counter' })
  @IsOptional()
  @IsIn(['counter', 'online', 'post'])
  channel: 'counter' | 'online' | 'post' = 'counter';
}
