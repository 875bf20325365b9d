import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AdminUnit } from '../admin-units/admin-unit.entity';
import type { FacilityType } from './facility-type';

/** A continuing-education facility, located in one administrative unit. */
@Entity('facilities')
@Index('ix_facilities_admin_unit', ['adminUnitId', 'name'])
@Index('ix_facilities_type', ['type', 'name'])
export class Facility {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('uq_facilities_code', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Index('ix_facilities_name')
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: FacilityType;

  @Column({ type: 'char', length: 36 })
  adminUnitId!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'admin_unit_id', foreignKeyConstraintName: 'fk_facilities_admin_unit' })
  adminUnit?: AdminUnit;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
