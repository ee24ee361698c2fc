import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { UnitLevel } from '@motcua/domain';
import { PageQuery } from '../../common/page';
import { IsLocalDate } from '../../common/local-date';

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
  @IsLocalDate()
  at?: string;
}
