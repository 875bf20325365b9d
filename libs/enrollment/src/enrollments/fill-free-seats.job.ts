import { JobHandler, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { WithdrawEnrollmentService } from './withdraw-enrollment.service';

/**
 * `enrollment.fill-free-seats`, routed from `course.capacity-raised`: the learners who were
 * waiting get the new seats, oldest first, each with an `enrollment.promoted` event. A rerun
 * finds no free seat (or no one waiting) and does nothing.
 */
@Injectable()
export class FillFreeSeatsJob {
  constructor(private readonly seats: WithdrawEnrollmentService) {}

  @JobHandler('enrollment.fill-free-seats')
  async run(payload: JobPayloads['enrollment.fill-free-seats']): Promise<{ promoted: number }> {
    return { promoted: await this.seats.fillFreeSeats(payload.courseId) };
  }
}
