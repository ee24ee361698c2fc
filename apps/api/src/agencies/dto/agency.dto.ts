import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AgencyKind } from '@motcua/domain';
import { PageQuery } from '../../common/page';

/** mã định danh điện tử of the national standard: four groups, the last one the province's H-code. */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const AGENCY_CODE_MESSAGE = '$property must be an electronic ID code like 000.00.12.H56';

export class CreateAgencyDto {
  @ApiProperty({ example: '000.00.12.H56' })
  @Matches(AGENCY_CODE_PATTERN, { message: AGENCY_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Sở Tài nguyên và Môi trường tỉnh Khánh Hòa' })
  @MinLength(3)
  @MaxLength(300)
  @IsString()
  name!: string;

  @ApiProperty({ enum: AgencyKind, enumName: 'AgencyKind' })
  @IsEnum(AgencyKind)
  kind!: AgencyKind;

  @ApiProperty({ format: 'uuid', description: 'The administrative unit the agency belongs to (from GET /api/units)' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ required: false, nullable: true, type: String, example: '000.00.00.H56' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN, { message: AGENCY_CODE_MESSAGE })
  parentCode?: string | null;
}

export class UpdateAgencyDto extends PartialType(PickType(CreateAgencyDto, ['name', 'kind', 'parentCode'] as const)) {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListAgenciesQuery extends PageQuery {
  @ApiProperty({ required: false, enum: AgencyKind, enumName: 'AgencyKind' })
  @IsOptional()
  @IsEnum(AgencyKind)
  kind?: AgencyKind;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ required: false, description: 'Part of the name or code' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  search?: string;
}
