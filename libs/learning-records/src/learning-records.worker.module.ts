import { Module } from '@nestjs/common';
import { LearningRecordsModule } from './learning-records.module';
import { RecordLearningEventJob } from './platform/record-learning-event.job';

/** Turns the platform's learning events into statements (worker process only). */
@Module({
  imports: [LearningRecordsModule],
  providers: [RecordLearningEventJob],
  // Nothing exported: tests that run the handler in-process look it up with get().
})
export class LearningRecordsWorkerModule {}
