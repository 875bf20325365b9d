import { CreatedAtColumn } from '@lifelong/database';
import { Lesson } from '@lifelong/courses';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A television lesson that counts only after a short check quiz: the quiz is a quiz lesson of the
 * same course. Presence plus a passed quiz complete the television lesson.
 */
@Entity('television_lesson_checks')
@Index('ix_television_lesson_checks_quiz', ['quizLessonId'])
export class TelevisionLessonCheck {
  @PrimaryColumn({ type: 'char', length: 36 })
  lessonId!: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_television_lesson_checks_lesson' })
  lesson?: Lesson;

  @Column({ type: 'char', length: 36 })
  quizLessonId!: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'quiz_lesson_id',
    foreignKeyConstraintName: 'fk_television_lesson_checks_quiz',
  })
  quizLesson?: Lesson;

  @CreatedAtColumn()
  createdAt!: Date;
}
