import { Module } from '@nestjs/common';
import { MyAssignmentsController } from './http/my-assignments.controller';
import { RequirementsController } from './http/requirements.controller';
import { TrainingReportsController } from './http/training-reports.controller';
import { TrainingModule } from './training.module';

/** The training routes (api process only). */
@Module({
  imports: [TrainingModule],
  controllers: [RequirementsController, TrainingReportsController, MyAssignmentsController],
})
export class TrainingHttpModule {}
