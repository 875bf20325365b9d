import { CreatedAtColumn, NullableDecimalColumn, UpdatedAtColumn } from '@lifelong/database';
import { User } from '@lifelong/identity';
import { Facility } from '@lifelong/organizations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CourseStatus } from './course-status';

/**
 * A course of one facility. `searchText` is the folded, marked token list the catalogue's
 * FULLTEXT index reads (see @lifelong/common text/search-terms.ts); `activeEnrollments` is the seat counter
 * the enrollment lib moves inside its own transactions (CourseSeats).
 */
@Entity('courses')
@Index('ix_courses_catalogue', ['status', 'publishedAt', 'id'])
@Index('ix_courses_facility', ['facilityId', 'status', 'publishedAt'])
@Index('uq_courses_code', ['code'], { unique: true })
export class Course {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  facilityId!: string;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id', foreignKeyConstraintName: 'fk_courses_facility' })
  facility?: Facility;

  /** What a catalogue or a broadcaster calls the course, upper case (course-code.ts); optional. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  code!: string | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  summary!: string;

  @Column({ type: 'text', nullable: true, default: null })
  description!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'vi' })
  language!: string;

  /** Seats; null when the course takes everyone. */
  @Column({ type: 'int', unsigned: true, nullable: true, default: null })
  capacity!: number | null;

  @NullableDecimalColumn(5, 1)
  hours!: number | null;

  /** How long a completion stays valid; null for ever. */
  @Column({ type: 'smallint', unsigned: true, nullable: true, default: null })
  validityMonths!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  enrollmentOpensAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  enrollmentClosesAt!: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: CourseStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  activeEnrollments!: number;

  @Index('ix_courses_search', { fulltext: true })
  @Column({ type: 'text' })
  searchText!: string;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_courses_created_by' })
  creator?: User;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  publishedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  archivedAt!: Date | null;

  /** Why a facility admin returned the course from review; cleared when it moves on. */
  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  reviewNote!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  reviewNoteAt!: Date | null;
}
