import { OrgUnit } from '@lifelong/organizations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ComplianceRow } from './compliance-row';

/** A subtree's compliance frozen for one period (unique per unit and period); never updated. */
@Entity('training_snapshots')
@Index('uq_training_snapshots_period', ['orgUnitId', 'period'], { unique: true })
export class ComplianceSnapshot {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_training_snapshots_org_unit' })
  orgUnit?: OrgUnit;

  /** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'datetime', precision: 3 })
  takenAt!: Date;

  @Column({ type: 'char', length: 36 })
  takenBy!: string;

  /** One row per unit of the subtree, as the compliance report read them then. */
  @Column({ type: 'json' })
  rows!: ComplianceRow[];
}
