import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitLevel } from '@motcua/domain';

/** Old unit → new unit on a reform date; by codes, since each code is resolved at its own date. */
@Entity('unit_successions')
export class UnitSuccessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'old_level', type: 'text' })
  oldLevel!: UnitLevel;

  @Column({ name: 'old_code', type: 'text' })
  oldCode!: string;

  @Column({ name: 'new_level', type: 'text' })
  newLevel!: UnitLevel;

  @Column({ name: 'new_code', type: 'text' })
  newCode!: string;

  @Column({ type: 'text' })
  kind!: 'full' | 'partial';

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn!: string;
}
