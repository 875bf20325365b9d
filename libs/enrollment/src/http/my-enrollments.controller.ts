import { PageQuery } from '@lifelong/common';
import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EnrollmentReadsService } from '../enrollments/enrollment-reads.service';
import { EnrollmentPageDto, MyEnrollmentDto } from './enrollment.dto';

@ApiTags('enrollment')
@Controller('api/v1/me/enrollments')
export class MyEnrollmentsController {
  constructor(private readonly reads: EnrollmentReadsService) {}

  /** The caller's enrollments, newest first, each with its course's title and status. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: EnrollmentPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<EnrollmentPageDto> {
    const page = await this.reads.listMine(principal.userId, query);
    return { ...page, items: page.items.map((view) => MyEnrollmentDto.fromView(view)) };
  }
}
