import { ApiProperty } from '@nestjs/swagger';
import { AgencyKind } from '@motcua/domain';
import type { AgencyEntity } from '@motcua/persistence';
import type { Page } from '../../common/page';
import { toUnitResponse, UnitResponseDto } from '../../units/dto/unit-response.dto';

export class AgencyResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '000.00.12.H56' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AgencyKind, enumName: 'AgencyKind' }) kind!: AgencyKind;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: UnitResponseDto }) unit!: UnitResponseDto;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
}

export class AgencyPageDto {
  @ApiProperty({ type: [AgencyResponseDto] }) items!: AgencyResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toAgencyResponse(agency: AgencyEntity): AgencyResponseDto {
  return {
    id: agency.id,
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    active: agency.active,
    unit: toUnitResponse(agency.unit),
    parentCode: agency.parent?.code ?? null,
  };
}

export function toAgencyPage(page: Page<AgencyEntity>): AgencyPageDto {
  return { ...page, items: page.items.map(toAgencyResponse) };
}
