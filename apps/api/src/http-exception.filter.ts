import { type ErrorBody, toErrorBody } from '@lifelong/common';
import { DatabaseUnavailableError, isDatabaseUnreachable } from '@lifelong/database';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The one mapping from anything thrown to the api.md error body. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // A database outage is not a fault of ours or of the request: the client may try again.
    const unreachable = isDatabaseUnreachable(error);
    const body: ErrorBody = toErrorBody(
      unreachable ? new DatabaseUnavailableError() : error,
      String(request.id),
    );
    if (unreachable)
      this.logger.warn(`Database unreachable: ${error instanceof Error ? error.message : ''}`);
    else if (body.statusCode >= 500) this.logger.error(error);
    // A rate-limited refusal says when to come back (seconds), as RFC 9110 Retry-After.
    const retryAfter = body.details?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number')
      void reply.header('retry-after', String(retryAfter));
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}
