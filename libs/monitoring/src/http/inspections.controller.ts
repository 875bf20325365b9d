import { LargeUpload } from '@lifelong/common';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Inspections } from '../inspections/inspections.service';
import { INSPECTED, INSPECTION_READERS, INSPECTORS } from '../policies';
import {
  AddActionBody,
  EvidenceFileDto,
  InspectionDto,
  InspectionPageDto,
  InspectionsQuery,
  InspectionSummaryDto,
  PlanInspectionBody,
  RecordScoresBody,
} from './inspections.dto';
import { InspectionActions } from '../inspections/inspection-actions.service';
import { readEvidence } from './read-evidence';

const EVIDENCE_BODY = {
  description: 'multipart/form-data with the field "file": a PDF or an image, at most 20 MB',
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
} as const;

/**
 * Inspections: supervisors (and platform admins) in scope plan, record and publish them and set
 * follow-up actions; the inspected unit reads them once published.
 */
@ApiTags('monitoring')
@Controller('api/v1/monitoring/inspections')
export class InspectionsController {
  constructor(
    private readonly inspections: Inspections,
    private readonly actions: InspectionActions,
  ) {}

  /** Plans an inspection of a facility or an org unit the caller covers (and does not run). */
  @Post()
  @RequireRoles(...INSPECTORS)
  @ApiCreatedResponse({ type: InspectionDto })
  async plan(
    @CurrentUser() principal: Principal,
    @Body() body: PlanInspectionBody,
  ): Promise<InspectionDto> {
    return InspectionDto.fromView(
      await this.inspections.plan(principal, {
        targetType: body.targetType,
        targetId: body.targetId,
        plannedOn: body.plannedOn,
        team: body.team.map((name) => name.trim()),
        criteria: body.criteria.map((criterion) => ({
          label: criterion.label.trim(),
          weight: criterion.weight,
        })),
      }),
    );
  }

  /** Inspections in the caller's scope, the latest planned first. */
  @Get()
  @RequireRoles(...INSPECTORS)
  @ApiOkResponse({ type: InspectionPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: InspectionsQuery,
  ): Promise<InspectionPageDto> {
    const page = await this.inspections.list(principal, query);
    return { ...page, items: page.items.map((item) => InspectionSummaryDto.from(item)) };
  }

  /** Published inspections of the units the caller answers for. */
  @Get('received')
  @RequireRoles(...INSPECTED)
  @ApiOkResponse({ type: InspectionPageDto })
  async received(
    @CurrentUser() principal: Principal,
    @Query() query: InspectionsQuery,
  ): Promise<InspectionPageDto> {
    const page = await this.inspections.received(principal, query);
    return { ...page, items: page.items.map((item) => InspectionSummaryDto.from(item)) };
  }

  @Get(':id')
  @RequireRoles(...INSPECTION_READERS)
  @ApiOkResponse({ type: InspectionDto })
  async find(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<InspectionDto> {
    return InspectionDto.fromView(await this.inspections.find(principal, id));
  }

  /** Records scores and notes of criteria, and the summary, before publishing. */
  @Put(':id/scores')
  @RequireRoles(...INSPECTORS)
  @ApiOkResponse({ type: InspectionDto })
  async record(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: RecordScoresBody,
  ): Promise<InspectionDto> {
    const scores = body.scores.map((entry) => ({
      position: entry.position,
      score: entry.score ?? null,
      note: entry.note?.trim() || null,
    }));
    return InspectionDto.fromView(
      await this.inspections.record(principal, id, scores, body.summary?.trim() || null),
    );
  }

  /** Attaches an evidence file to a criterion, before publishing. */
  @Post(':id/criteria/:position/evidence')
  @LargeUpload()
  @RequireRoles(...INSPECTORS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(EVIDENCE_BODY)
  @ApiCreatedResponse({ type: EvidenceFileDto })
  async addEvidence(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('position', ParseIntPipe) position: number,
    @Req() request: FastifyRequest,
  ): Promise<EvidenceFileDto> {
    const upload = await readEvidence(request);
    return EvidenceFileDto.from(
      await this.inspections.addEvidence(principal, id, position, upload),
    );
  }

  /** Publishes the report to the inspected unit, once every criterion is scored. */
  @Post(':id/publish')
  @HttpCode(200)
  @RequireRoles(...INSPECTORS)
  @ApiOkResponse({ type: InspectionDto })
  async publish(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
  ): Promise<InspectionDto> {
    return InspectionDto.fromView(await this.inspections.publish(principal, id));
  }

  /** Sets a follow-up action for the inspected unit. */
  @Post(':id/actions')
  @RequireRoles(...INSPECTORS)
  @ApiCreatedResponse({ type: InspectionDto })
  async addAction(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: AddActionBody,
  ): Promise<InspectionDto> {
    return InspectionDto.fromView(
      await this.actions.add(principal, id, {
        title: body.title.trim(),
        ownerId: body.ownerId,
        dueOn: body.dueOn,
      }),
    );
  }
}
