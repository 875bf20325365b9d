import { Module } from '@nestjs/common';
import { TrainingJobs } from './training-jobs';
import { TrainingModule } from './training.module';

/** The training job handlers (worker process only). */
@Module({
  imports: [TrainingModule],
  providers: [TrainingJobs],
  // Tests, the benchmark and the demo seeder run the handlers in-process.
  exports: [TrainingJobs, TrainingModule],
})
export class TrainingWorkerModule {}
