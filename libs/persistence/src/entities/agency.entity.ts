import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyKind } from '@motcua/domain';
import { AdministrativeUnitEntity } from './administrative-unit.entity';

/** cơ quan: a department, a People's Committee, a land registry branch, a tax office… */
@Entity('agencies')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** mã định danh điện tử, e.g. 000.00.12.H56 */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => AdministrativeUnitEntity, { nullable: false })
  @JoinColumn({ name: 'unit_id' })
  unit!: AdministrativeUnitEntity;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent!: AgencyEntity | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
