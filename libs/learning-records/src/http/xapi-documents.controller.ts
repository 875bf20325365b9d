import { AcceptsAnyBody } from '@lifelong/common';
import { ClientCredentials } from '@lifelong/identity';
import { Controller, Delete, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type DocumentContent,
  type DocumentKind,
  type DocumentParams,
  Documents,
  type Preconditions,
} from '../documents/documents.service';
import { LearningRecordsError } from '../learning-records-error';
import { XAPI_VERSION } from '../statements/statements.service';
import { clientOf } from './xapi-client';
import { LrsClientGuard, type XapiRequest } from './lrs-client.guard';
import { ActivityProfileQuery, AgentProfileQuery, StateQuery } from './xapi.dto';

/** The body as stored: JSON as text, any other media type as sent. */
function contentOf(request: XapiRequest): DocumentContent {
  const type = request.headers['content-type'] ?? '';
  const body: unknown = request.body;
  if (Buffer.isBuffer(body))
    return { contentType: type || 'application/octet-stream', content: body };
  if (body === undefined || body === null)
    throw new LearningRecordsError('INVALID_QUERY', 'content: a document is required', {
      parameter: 'content',
    });
  return { contentType: 'application/json', content: Buffer.from(JSON.stringify(body), 'utf8') };
}

const header = (request: XapiRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const preconditionsOf = (request: XapiRequest): Preconditions => ({
  ifMatch: header(request, 'if-match'),
  ifNoneMatch: header(request, 'if-none-match'),
});

/**
 * The xAPI document resources: activity state, activity profiles, agent profiles (docs/xapi.md).
 * Each path answers GET, PUT (replace), POST (merge JSON objects) and DELETE, with ETags.
 */
@ApiTags('xapi')
@Controller('xapi')
@ApiHeader({ name: 'X-Experience-API-Version', required: true, example: XAPI_VERSION })
export class XapiDocumentsController {
  constructor(private readonly documents: Documents) {}

  private async get(
    kind: DocumentKind,
    request: XapiRequest,
    reply: FastifyReply,
    params: DocumentParams,
  ): Promise<Buffer | string[]> {
    const answer = await this.documents.read(clientOf(request), kind, { ...params });
    if (Array.isArray(answer)) return answer;
    void reply
      .header('content-type', answer.contentType)
      .header('etag', `"${answer.etag}"`)
      .header('last-modified', answer.updated.toUTCString());
    return answer.content;
  }

  private async write(
    kind: DocumentKind,
    request: XapiRequest,
    reply: FastifyReply,
    params: DocumentParams,
    merge: boolean,
  ): Promise<void> {
    const etag = await this.documents.write(
      clientOf(request),
      kind,
      { ...params },
      contentOf(request),
      preconditionsOf(request),
      merge,
    );
    void reply.header('etag', `"${etag}"`);
  }

  private remove(kind: DocumentKind, request: XapiRequest, params: DocumentParams): Promise<void> {
    return this.documents.delete(clientOf(request), kind, { ...params }, preconditionsOf(request));
  }

  @Get('activities/state')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @ApiOkResponse({ description: 'The document (with ETag), or a list of stateIds' })
  getState(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: StateQuery,
  ): Promise<Buffer | string[]> {
    return this.get('state', request, reply, query);
  }

  @Put('activities/state')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @AcceptsAnyBody()
  @ApiConsumes('application/json', 'application/octet-stream', '*/*')
  @ApiNoContentResponse({ description: 'Stored; the new ETag in the header' })
  putState(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: StateQuery,
  ): Promise<void> {
    return this.write('state', request, reply, query, false);
  }

  @Post('activities/state')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @AcceptsAnyBody()
  @ApiConsumes('application/json', 'application/octet-stream', '*/*')
  @ApiNoContentResponse({ description: 'Merged (JSON objects) or stored' })
  postState(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: StateQuery,
  ): Promise<void> {
    return this.write('state', request, reply, query, true);
  }

  @Delete('activities/state')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted (one, or every state of the scope)' })
  deleteState(@Req() request: XapiRequest, @Query() query: StateQuery): Promise<void> {
    return this.remove('state', request, query);
  }

  @Get('activities/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @ApiOkResponse({ description: 'The document (with ETag), or a list of profileIds' })
  getActivityProfile(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: ActivityProfileQuery,
  ): Promise<Buffer | string[]> {
    return this.get('activity-profile', request, reply, query);
  }

  @Put('activities/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @AcceptsAnyBody()
  @ApiConsumes('application/json', 'application/octet-stream', '*/*')
  @ApiNoContentResponse({ description: 'Stored; the new ETag in the header' })
  putActivityProfile(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: ActivityProfileQuery,
  ): Promise<void> {
    return this.write('activity-profile', request, reply, query, false);
  }

  @Post('activities/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @AcceptsAnyBody()
  @ApiConsumes('application/json', 'application/octet-stream', '*/*')
  @ApiNoContentResponse({ description: 'Merged (JSON objects) or stored' })
  postActivityProfile(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: ActivityProfileQuery,
  ): Promise<void> {
    return this.write('activity-profile', request, reply, query, true);
  }

  @Delete('activities/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  deleteActivityProfile(
    @Req() request: XapiRequest,
    @Query() query: ActivityProfileQuery,
  ): Promise<void> {
    return this.remove('activity-profile', request, query);
  }

  @Get('agents/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @ApiOkResponse({ description: 'The document (with ETag), or a list of profileIds' })
  getAgentProfile(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AgentProfileQuery,
  ): Promise<Buffer | string[]> {
    return this.get('agent-profile', request, reply, query);
  }

  @Put('agents/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @AcceptsAnyBody()
  @ApiConsumes('application/json', 'application/octet-stream', '*/*')
  @ApiNoContentResponse({ description: 'Stored; the new ETag in the header' })
  putAgentProfile(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AgentProfileQuery,
  ): Promise<void> {
    return this.write('agent-profile', request, reply, query, false);
  }

  @Post('agents/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @AcceptsAnyBody()
  @ApiConsumes('application/json', 'application/octet-stream', '*/*')
  @ApiNoContentResponse({ description: 'Merged (JSON objects) or stored' })
  postAgentProfile(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AgentProfileQuery,
  ): Promise<void> {
    return this.write('agent-profile', request, reply, query, true);
  }

  @Delete('agents/profile')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  deleteAgentProfile(
    @Req() request: XapiRequest,
    @Query() query: AgentProfileQuery,
  ): Promise<void> {
    return this.remove('agent-profile', request, query);
  }
}
