import { ApiProperty } from '@nestjs/swagger';
import type { UnitLevel } from '@motcua/domain';
import type { AdministrativeUnitEntity } from '@motcua/persistence';
import type { Page } from '../../common/page';

export class UnitResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '22330' }) code!: string;
  @ApiProperty({ enum: ['province', 'district', 'commune'] }) level!: UnitLevel;
  @ApiProperty({ example: 'Phường Vĩnh Hải' }) name!: string;
  @ApiProperty({ example: 'Phường' }) type!: string;
  @ApiProperty({ type: String, nullable: true, example: '568' }) parentCode!: string | null;
  @ApiProperty({ example: '56.568.22330' }) path!: string;
  @ApiProperty({ enum: ['2025-03', '2025-07'] }) unitSet!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) validFrom!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Exclusive' }) validTo!: string | null;
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitResponseDto] }) items!: UnitResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toUnitResponse(unit: AdministrativeUnitEntity): UnitResponseDto {
  const { id, code, level, name, type, parentCode, path, unitSet, validFrom, validTo } = unit;
  return { id, code, level, name, type, parentCode, path, unitSet, validFrom, validTo };
}

export function toUnitPage(page: Page<AdministrativeUnitEntity>): UnitPageDto {
  return { ...page, items: page.items.map(toUnitResponse) };
}
