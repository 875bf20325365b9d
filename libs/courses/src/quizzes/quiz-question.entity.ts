import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lesson } from '../lessons/lesson.entity';

/** A question of a quiz lesson; `multiple` allows more than one correct choice. */
@Entity('quiz_questions')
@Index('ix_quiz_questions_lesson', ['lessonId', 'position'])
export class QuizQuestion {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  lessonId!: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_quiz_questions_lesson' })
  lesson?: Lesson;

  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: 1000 })
  text!: string;

  @Column({ type: 'boolean', default: false })
  multiple!: boolean;
}
