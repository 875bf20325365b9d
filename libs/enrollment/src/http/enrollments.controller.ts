import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EnrollmentReadsService } from '../enrollments/enrollment-reads.service';
import { WithdrawEnrollmentService } from '../enrollments/withdraw-enrollment.service';
import { EnrollmentDetailDto, EnrollmentDto } from './enrollment.dto';

@ApiTags('enrollment')
@Controller('api/v1/enrollments')
export class EnrollmentsController {
  constructor(
    private readonly reads: EnrollmentReadsService,
    private readonly withdrawals: WithdrawEnrollmentService,
  ) {}

  /** One of the caller's enrollments with every lesson's progress; anyone else's is 404. */
  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: EnrollmentDetailDto })
  async get(
    @CurrentUser() principal: Principal,
    @Param('id') enrollmentId: string,
  ): Promise<EnrollmentDetailDto> {
    return EnrollmentDetailDto.fromDetail(await this.reads.getMine(principal.userId, enrollmentId));
  }

  /** Withdraws; a freed seat goes to the oldest waitlisted learner. */
  @Delete(':id')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: EnrollmentDto })
  async withdraw(
    @CurrentUser() principal: Principal,
    @Param('id') enrollmentId: string,
  ): Promise<EnrollmentDto> {
    return EnrollmentDto.from(await this.withdrawals.withdraw(principal.userId, enrollmentId));
  }
}
