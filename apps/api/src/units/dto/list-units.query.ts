import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import type { UnitLevel } from '@motcua/domain';
import { PageQuery } from '../../common/page';

export class ListUnitsQuery extends PageQuery {
  @ApiProperty({ required: false, enum: ['province', 'district', 'commune'] })
  @IsOptional()
  @IsIn(['province', 'district', 'commune'])
  level?: UnitLevel;

  @ApiProperty({ required: false, description: 'Code of the parent unit (2-digit province or 3-digit district)', example: '568' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{3})$/, { message: 'parent must be a 2-digit province or 3-digit district code' })
  parent?: string;

  @ApiProperty({
    required: false,
    description: "Local date the units must be in force at (yyyy-MM-dd). Default: today, or the last day the caller's own unit was in force.",
    example: '2025-03-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'at must be a date as yyyy-MM-dd' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'at must be a date as yyyy-MM-dd' })
  at?: string;
}
