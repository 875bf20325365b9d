import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { REPORT_READERS, REQUIREMENT_SETTERS } from '../policies';
import { TargetPreview } from '../assignments/target-preview.service';
import { RequirementsService } from '../requirements/requirements.service';
import {
  RequirementBodyDto,
  RequirementDto,
  RequirementListQuery,
  RequirementPageDto,
  RequirementPreviewBodyDto,
  RequirementPreviewDto,
  RequirementVersionDto,
  RequirementVersionListDto,
} from './requirement.dto';

@ApiTags('training')
@Controller('api/v1/training/requirements')
export class RequirementsController {
  constructor(
    private readonly requirements: RequirementsService,
    private readonly targets: TargetPreview,
  ) {}

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

  /**
   * How many people a requirement being written would assign (and a few names), by the same
   * targeting rule the assignment uses; only for a unit the caller may set requirements on.
   */
  @Post('preview')
  @HttpCode(200)
  @RequireRoles(...REQUIREMENT_SETTERS)
  @ApiOkResponse({ type: RequirementPreviewDto })
  async preview(
    @CurrentUser() principal: Principal,
    @Body() body: RequirementPreviewBodyDto,
  ): Promise<RequirementPreviewDto> {
    return RequirementPreviewDto.from(await this.targets.preview(principal, body));
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

  /** One requirement with its current rules, for readers within its unit's scope. */
  @Get(':id')
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: RequirementDto })
  async detail(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
  ): Promise<RequirementDto> {
    return RequirementDto.from(await this.requirements.findVisible(principal, id));
  }

  /** Every version of the requirement, oldest first: what the rules were and who wrote them. */
  @Get(':id/versions')
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: RequirementVersionListDto })
  async versions(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
  ): Promise<RequirementVersionListDto> {
    const versions = await this.requirements.versions(principal, id);
    return { items: versions.map((view) => RequirementVersionDto.fromVersion(view)) };
  }
}
