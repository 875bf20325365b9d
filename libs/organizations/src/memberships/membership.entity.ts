import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';

/**
 * A person's time in an org unit with a position and job grade. A move ends the current
 * membership and starts a new one, so the rows are the person's history.
 */
@Entity('memberships')
// With the user id: a unit's current members come from the index alone (compliance reports).
@Index('ix_memberships_org_unit', ['orgUnitId', 'endedAt', 'userId'])
@Index('ix_memberships_user', ['userId', 'startedAt'])
export class Membership {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_memberships_user' })
  user?: User;

  @Column({ type: 'char', length: 36 })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_memberships_org_unit' })
  orgUnit?: OrgUnit;

  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  position!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true, default: null })
  jobGrade!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  startedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  endedAt!: Date | null;

  /**
   * The user's id while the membership is current, null once it ended: its unique index keeps
   * one current membership per person (MySQL has no partial unique index).
   */
  @Index('uq_memberships_current_user', { unique: true })
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  currentUserId!: string | null;
}
