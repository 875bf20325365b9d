import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APPROVER_ROLES, AUTHOR_ROLES } from '../policies';
import { ReviewPolicies } from '../publishing/review-policies.service';
import { ReviewPolicyDto, ReviewPolicyInputDto } from './course-detail.dto';

/** Whether a facility's courses wait for its facility admin's approval before publishing. */
@ApiTags('courses')
@Controller('api/v1/facilities/:id/course-review-policy')
export class ReviewPolicyController {
  constructor(private readonly policies: ReviewPolicies) {}

  @Get()
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: ReviewPolicyDto })
  async get(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
  ): Promise<ReviewPolicyDto> {
    return ReviewPolicyDto.from(await this.policies.get(principal, id));
  }

  @Put()
  @RequireRoles(...APPROVER_ROLES)
  @ApiOkResponse({ type: ReviewPolicyDto })
  async set(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: ReviewPolicyInputDto,
  ): Promise<ReviewPolicyDto> {
    return ReviewPolicyDto.from(await this.policies.set(principal, id, body.requiresReview));
  }
}
