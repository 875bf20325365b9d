import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Controller, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EnrollLearnerService } from '../enrollments/enroll-learner.service';
import { EnrollmentDto } from './enrollment.dto';

@ApiTags('enrollment')
@Controller('api/v1/courses/:id/enrollments')
export class CourseEnrollmentsController {
  constructor(private readonly enroll: EnrollLearnerService) {}

  /** The caller enrolls: 201 when enrolled now (active or waitlisted), 200 when already enrolled. */
  @Post()
  @Authenticated()
  @ApiCreatedResponse({ type: EnrollmentDto, description: 'Enrolled now' })
  @ApiOkResponse({ type: EnrollmentDto, description: 'Already enrolled: the existing enrollment' })
  async create(
    @CurrentUser() principal: Principal,
    @Param('id') courseId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnrollmentDto> {
    const { enrollment, created } = await this.enroll.enroll(principal.userId, courseId);
    void reply.status(created ? 201 : 200);
    return EnrollmentDto.from(enrollment);
  }
}
