import { CreatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Cmi5Package } from '../packages/cmi5-package.entity';

/**
 * A learner's registration in a package (cmi5: one per learner and course structure, kept over
 * every launch), with when the content first reported it completed, passed or failed, and when
 * the AU's `moveOn` was first satisfied (which completes the lesson).
 */
@Entity('cmi5_registrations')
@Index('uq_cmi5_registrations_learner', ['packageId', 'userId'], { unique: true })
export class Cmi5Registration {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  packageId!: string;

  @ManyToOne(() => Cmi5Package, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'package_id', foreignKeyConstraintName: 'fk_cmi5_registrations_package' })
  package?: Cmi5Package;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @Column({ type: 'char', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_cmi5_registrations_user' })
  user?: User;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  passedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  failedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  satisfiedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
