import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AssignmentReads } from '../assignments/assignment-reads.service';
import { AssignmentDto, AssignmentPageDto, MyAssignmentsQuery } from './assignment.dto';

@ApiTags('training')
@Controller('api/v1/me/assignments')
export class MyAssignmentsController {
  constructor(private readonly reads: AssignmentReads) {}

  /** The caller's mandated training, history included: newest first, or `sort=due`. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: AssignmentPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: MyAssignmentsQuery,
  ): Promise<AssignmentPageDto> {
    const page = await this.reads.mine(principal.userId, query, query.sort);
    return { ...page, items: page.items.map((view) => AssignmentDto.from(view)) };
  }
}
