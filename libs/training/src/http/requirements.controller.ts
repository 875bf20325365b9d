import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { REPORT_READERS, REQUIREMENT_SETTERS } from '../policies';
import { RequirementsService } from '../requirements/requirements.service';
import {
  RequirementBodyDto,
  RequirementDto,
  RequirementListQuery,
  RequirementPageDto,
} from './requirement.dto';

@ApiTags('training')
@Controller('api/v1/training/requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  /** Version 1 of a requirement; its assignments follow in a background job. */
  @Post()
  @HttpCode(201)
  @RequireRoles(...REQUIREMENT_SETTERS)
  @ApiCreatedResponse({ type: RequirementDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: RequirementBodyDto,
  ): Promise<RequirementDto> {
    return RequirementDto.from(await this.requirements.create(principal, body));
  }

  /** The next version; open assignments follow it, finished ones keep theirs. */
  @Put(':id')
  @RequireRoles(...REQUIREMENT_SETTERS)
  @ApiOkResponse({ type: RequirementDto })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: RequirementBodyDto,
  ): Promise<RequirementDto> {
    return RequirementDto.from(await this.requirements.update(principal, id, body));
  }

  /** Requirements the caller may see, or those targeting one unit. */
  @Get()
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: RequirementPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: RequirementListQuery,
  ): Promise<RequirementPageDto> {
    const page = await this.requirements.list(principal, query);
    return { ...page, items: page.items.map((view) => RequirementDto.from(view)) };
  }
}
