import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitLevel, UnitSetKey } from '@motcua/domain';

/** đơn vị hành chính: effective-dated, because the 2025 reform reused codes for new units. */
@Entity('administrative_units')
export class AdministrativeUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_set', type: 'text' })
  unitSet!: UnitSetKey;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  level!: UnitLevel;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text' })
  path!: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  /** Exclusive. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;
}
