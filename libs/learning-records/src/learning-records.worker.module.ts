import { Module } from '@nestjs/common';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { ForwardStatementsJob, PlanForwardsJob } from './forwarding/forward-statements.job';
import { LrsForwardsRepository } from './forwarding/lrs-forwards.repository';
import { LearningRecordsModule } from './learning-records.module';
import { OutboxEventsRepository } from './platform/outbox-events.repository';
import { RecordLearningEventJob } from './platform/record-learning-event.job';

/**
 * Turns the platform's learning events into statements and forwards statements to the
 * registered external stores (worker process only).
 */
@Module({
  imports: [LearningRecordsModule],
  // The jobs read their queries directly: stateless, so providers of their own.
  providers: [
    RecordLearningEventJob,
    OutboxEventsRepository,
    ForwardStatementsJob,
    PlanForwardsJob,
    LrsForwardsRepository,
    AttachmentsRepository,
  ],
  // Nothing exported: tests that run the handler in-process look it up with get().
})
export class LearningRecordsWorkerModule {}
