import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { QuizQuestion } from './quiz-question.entity';

/** A choice of a quiz question. `correct` never leaves the server for learners. */
@Entity('quiz_choices')
@Index('ix_quiz_choices_question', ['questionId', 'position'])
export class QuizChoice {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  questionId!: string;

  @ManyToOne(() => QuizQuestion, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_quiz_choices_question' })
  question?: QuizQuestion;

  @Column({ type: 'smallint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: 500 })
  text!: string;

  @Column({ type: 'boolean', default: false })
  correct!: boolean;
}
