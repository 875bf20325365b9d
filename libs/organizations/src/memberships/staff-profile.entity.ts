import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

/** A user as a member of staff: the employee code that identifies them across moves. */
@Entity('staff_profiles')
export class StaffProfile {
  @PrimaryColumn({ type: 'char', length: 36 })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_profiles_user' })
  user?: User;

  @Index('uq_staff_profiles_employee_code', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  employeeCode!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
