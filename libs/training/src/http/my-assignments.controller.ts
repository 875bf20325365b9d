import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AssignmentReads } from '../assignments/assignment-reads.service';
import { AssignmentDto } from './training.dto';

@ApiTags('training')
@Controller('api/v1/me/assignments')
export class MyAssignmentsController {
  constructor(private readonly reads: AssignmentReads) {}

  /** The caller's mandated training, history included, newest first. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [AssignmentDto] })
  async list(@CurrentUser() principal: Principal): Promise<AssignmentDto[]> {
    const views = await this.reads.mine(principal.userId);
    return views.map((view) => AssignmentDto.from(view));
  }
}
