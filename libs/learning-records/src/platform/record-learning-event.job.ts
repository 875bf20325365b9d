import { AppConfig, JobHandler, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { Statements } from '../statements/statements.service';
import { OutboxEventsRepository } from './outbox-events.repository';
import {
  type LearningEvent,
  type LearningEventType,
  PlatformStatements,
} from './platform-statements';

const LEARNING_EVENTS: readonly string[] = [
  'enrollment.confirmed',
  'enrollment.promoted',
  'enrollment.withdrawn',
  'enrollment.completed',
  'enrollment.lesson-completed',
  'enrollment.quiz-attempted',
  'television.attendance-recorded',
  'certificate.issued',
] satisfies readonly LearningEventType[];

/**
 * `learning-records.record-event`: re-reads one outbox event and stores its statements in the
 * Learning Record Store under ids derived from the event, so a repeated delivery (a retry, a
 * relay run again) stores nothing new.
 */
@Injectable()
export class RecordLearningEventJob {
  private readonly build: PlatformStatements;

  constructor(
    private readonly events: OutboxEventsRepository,
    private readonly statements: Statements,
    config: AppConfig,
  ) {
    this.build = new PlatformStatements(config.http.publicUrl);
  }

  @JobHandler('learning-records.record-event')
  async record({
    outboxEventId,
  }: JobPayloads['learning-records.record-event']): Promise<{ statements: number }> {
    const event = await this.events.findById(outboxEventId);
    if (!event) throw new UnrecoverableError(`Outbox event ${outboxEventId} does not exist`);
    if (!LEARNING_EVENTS.includes(event.type))
      throw new UnrecoverableError(`Outbox event ${outboxEventId} is a ${event.type}`);
    const statements = this.build.of(event as LearningEvent);
    await this.statements.recordPlatform(statements);
    return { statements: statements.length };
  }
}
