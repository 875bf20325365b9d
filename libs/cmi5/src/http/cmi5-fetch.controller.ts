import { currentRequestId } from '@lifelong/common';
import { Public } from '@lifelong/identity';
import { Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Cmi5Sessions } from '../launch/cmi5-sessions.service';

/**
 * The fetch URL of a launch (cmi5 8.2): the token in the path is the credential. The first POST
 * answers `{"auth-token"}` (Basic credentials for `/xapi`, this session only); any later one
 * `{"error-code":"1"}`, an expired launch `"2"`, an unknown token `"3"`, all as 400. A refusal
 * carries the platform's error body too (`code` `CMI5_FETCH_REFUSED`), beside cmi5's fields.
 */
@ApiTags('cmi5')
@Controller('api/v1/cmi5/fetch')
export class Cmi5FetchController {
  constructor(private readonly sessions: Cmi5Sessions) {}

  @Post(':token')
  @Public()
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { 'auth-token': { type: 'string' } },
      required: ['auth-token'],
    },
  })
  async fetch(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.sessions.fetch(token);
    const body =
      'auth-token' in answer
        ? answer
        : {
            statusCode: 400,
            code: 'CMI5_FETCH_REFUSED',
            message: answer['error-text'],
            requestId: currentRequestId(),
            ...answer,
          };
    await reply
      .status('auth-token' in answer ? 200 : 400)
      .header('cache-control', 'no-store')
      .send(body);
  }
}
