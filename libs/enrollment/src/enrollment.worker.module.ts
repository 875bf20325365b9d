import { Module } from '@nestjs/common';
import { EnrollmentModule } from './enrollment.module';
import { FillFreeSeatsJob } from './enrollments/fill-free-seats.job';

/** The `enrollment.fill-free-seats` handler (worker only). */
@Module({
  imports: [EnrollmentModule],
  providers: [FillFreeSeatsJob],
})
export class EnrollmentWorkerModule {}
