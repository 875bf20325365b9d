import { Module } from '@nestjs/common';
import { TrainingJobs } from './training-jobs';
import { TrainingModule } from './training.module';

/** The training job handlers (worker process only). */
@Module({
  imports: [TrainingModule],
  providers: [TrainingJobs],
  // The demo seeder injects the handlers and the requirement and status services.
  exports: [TrainingJobs, TrainingModule],
})
export class TrainingWorkerModule {}
