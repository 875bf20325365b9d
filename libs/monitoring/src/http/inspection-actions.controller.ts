import { LargeUpload, PageQuery } from '@lifelong/common';
import { CurrentUser, type Principal, Public, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InspectionActions } from '../inspections/inspection-actions.service';
import { InspectionEvidence } from '../inspections/inspection-evidence.service';
import { INSPECTED, INSPECTORS } from '../policies';
import {
  CloseActionBody,
  EvidenceFileDto,
  InspectionDto,
  OverdueActionDto,
  OverdueActionPageDto,
} from './inspections.dto';
import { readEvidence } from './read-evidence';

/**
 * Follow-up actions: the inspected unit attaches evidence and closes them; supervisors list the
 * overdue ones. And the evidence files behind the signed links the api hands out.
 */
@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class InspectionActionsController {
  constructor(
    private readonly actions: InspectionActions,
    private readonly evidence: InspectionEvidence,
  ) {}

  /** Open actions past their due day in the caller's scope, the longest overdue first. */
  @Get('inspection-actions/overdue')
  @RequireRoles(...INSPECTORS)
  @ApiOkResponse({ type: OverdueActionPageDto })
  async overdue(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<OverdueActionPageDto> {
    const page = await this.actions.overdue(principal, query);
    return { ...page, items: page.items.map((item) => OverdueActionDto.from(item)) };
  }

  /** Attaches evidence of what was done to an open action (the inspected unit). */
  @Post('inspection-actions/:id/evidence')
  @LargeUpload()
  @RequireRoles(...INSPECTED)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'multipart/form-data with the field "file": a PDF or an image, at most 20 MB',
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: EvidenceFileDto })
  async addEvidence(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<EvidenceFileDto> {
    const upload = await readEvidence(request);
    return EvidenceFileDto.from(await this.actions.addEvidence(principal, id, upload));
  }

  /** Closes an action that has evidence attached. */
  @Post('inspection-actions/:id/close')
  @HttpCode(200)
  @RequireRoles(...INSPECTED)
  @ApiOkResponse({ type: InspectionDto })
  async close(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CloseActionBody,
  ): Promise<InspectionDto> {
    return InspectionDto.fromView(
      await this.actions.close(principal, id, body.note?.trim() || null),
    );
  }

  /**
   * An evidence file: public, because the signed, expiring token in the path is the
   * authorization (the browser opens it as a link). Left out of the OpenAPI document: clients
   * only follow URLs the api hands out.
   */
  @Get('evidence/:id/:expires/:signature')
  @Public()
  @ApiExcludeEndpoint()
  async file(
    @Param('id') id: string,
    @Param('expires') expires: string,
    @Param('signature') signature: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.evidence.open(id, expires, signature);
    await reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(file.body);
  }
}
