import { ClientCredentials, Public } from '@lifelong/identity';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { multipartMixed } from '../attachments/multipart-mixed';
import { readStatementRequest } from '../attachments/statement-request';
import { ActivitiesAndAgents, personOf } from '../statements/activities-and-agents.service';
import { acceptedLanguages } from '../statements/statement-format';
import { Statements, XAPI_VERSION } from '../statements/statements.service';
import { LearningRecordsError } from '../learning-records-error';
import { LrsClientGuard, type XapiRequest } from './lrs-client.guard';
import { clientOf } from './xapi-client';
import {
  AboutDto,
  ActivityQuery,
  AgentQuery,
  GetStatementsQuery,
  PutStatementQuery,
  StatementResultDto,
} from './xapi.dto';

const STATEMENT_BODY = {
  description:
    'A statement, or (POST only) a list of statements; as multipart/mixed, the JSON first and ' +
    'then one part per attachment content (Content-Transfer-Encoding: binary, X-Experience-API-Hash)',
  schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] },
};

/**
 * The xAPI 2.0 Learning Record Store (docs/xapi.md): `about`, the Statement Resource, and the
 * Activities and Agents Resources, for clients with Basic credentials issued by an administrator.
 */
@ApiTags('xapi')
@Controller('xapi')
@ApiHeader({ name: 'X-Experience-API-Version', required: true, example: XAPI_VERSION })
export class XapiController {
  constructor(
    private readonly statements: Statements,
    private readonly activitiesAndAgents: ActivitiesAndAgents,
  ) {}

  /** What this store speaks; open to anyone, no version header needed. */
  @Get('about')
  @Public()
  @Header('x-experience-api-version', XAPI_VERSION)
  @ApiOkResponse({ type: AboutDto })
  about(): AboutDto {
    return { version: [XAPI_VERSION], extensions: {} };
  }

  @Put('statements')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(204)
  @ApiBody(STATEMENT_BODY)
  @ApiNoContentResponse({ description: 'Stored (or the same statement was already stored)' })
  @ApiBadRequestResponse({ description: 'INVALID_STATEMENT, VOIDING_TARGET_INVALID, version' })
  @ApiUnauthorizedResponse({ description: 'No valid client credentials' })
  @ApiConflictResponse({ description: 'STATEMENT_CONFLICT: another statement has this id' })
  async put(
    @Req() request: XapiRequest,
    @Query() query: PutStatementQuery,
    @Body() body: unknown,
  ): Promise<void> {
    const sent = readStatementRequest(body);
    await this.statements.put(clientOf(request), query.statementId, sent.body, sent.parts);
  }

  @Post('statements')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @HttpCode(200)
  @ApiBody(STATEMENT_BODY)
  @ApiOkResponse({ type: [String], description: 'The ids of the statements, in order' })
  @ApiBadRequestResponse({ description: 'INVALID_STATEMENT, VOIDING_TARGET_INVALID, version' })
  @ApiUnauthorizedResponse({ description: 'No valid client credentials' })
  @ApiConflictResponse({ description: 'STATEMENT_CONFLICT: another statement has one of the ids' })
  async post(@Req() request: XapiRequest, @Body() body: unknown): Promise<string[]> {
    const sent = readStatementRequest(body);
    return this.statements.post(clientOf(request), sent.body, sent.parts);
  }

  @Get('statements')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @ApiOkResponse({ type: StatementResultDto, description: 'A statement, or a StatementResult' })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY, version' })
  @ApiUnauthorizedResponse({ description: 'No valid client credentials' })
  async get(
    @Req() request: XapiRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: GetStatementsQuery,
  ): Promise<Record<string, unknown> | Buffer> {
    const answer = await this.statements.read(
      clientOf(request),
      { ...query },
      acceptedLanguages(request.headers['accept-language']),
    );
    void reply
      .header('x-experience-api-consistent-through', answer.consistentThrough.toISOString())
      .header('last-modified', answer.lastModified.toUTCString());
    const result =
      'statement' in answer
        ? answer.statement
        : {
            statements: answer.statements,
            more: answer.more === null ? '' : `/xapi/statements?more=${answer.more}`,
          };
    if (!answer.attachments) return result;
    // attachments=true: the answer, then the contents its statements name.
    const multipart = multipartMixed(result, answer.attachments);
    void reply.header('content-type', multipart.contentType);
    return multipart.body;
  }

  @Get('activities')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @ApiOkResponse({ description: 'The Activity, with its definition as stored statements give it' })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY: activityId missing or not an IRI' })
  @ApiUnauthorizedResponse({ description: 'No valid client credentials' })
  activity(
    @Req() request: XapiRequest,
    @Query() query: ActivityQuery,
  ): Promise<Record<string, unknown>> {
    return this.activitiesAndAgents.activity(clientOf(request), query.activityId);
  }

  @Get('agents')
  @ClientCredentials('lrs-client', LrsClientGuard)
  @ApiOkResponse({ description: 'The Person object of the Agent' })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY: agent missing or not an Agent' })
  @ApiUnauthorizedResponse({ description: 'No valid client credentials' })
  person(@Req() request: XapiRequest, @Query() query: AgentQuery): Record<string, unknown> {
    if (clientOf(request).readScope === 'none')
      throw new LearningRecordsError('XAPI_SCOPE_MISSING', 'This client may not read agents');
    return personOf(query.agent);
  }
}
