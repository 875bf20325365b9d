import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrollment } from '../enrollments/enrollment.entity';

/** One graded attempt at a quiz lesson; the answers are kept as given. */
@Entity('quiz_attempts')
@Index('uq_quiz_attempts_number', ['enrollmentId', 'lessonId', 'attemptNumber'], { unique: true })
export class QuizAttempt {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  enrollmentId!: string;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  /** 1 for the first attempt at this quiz in this enrollment. */
  @Column({ type: 'smallint', unsigned: true })
  attemptNumber!: number;

  /** Percent, 0–100. */
  @Column({ type: 'tinyint', unsigned: true })
  score!: number;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'json' })
  answers!: { questionId: string; choiceIds: string[] }[];

  @Column({ type: 'datetime', precision: 3 })
  attemptedAt!: Date;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_quiz_attempts_enrollment' })
  enrollment?: Enrollment;
}
