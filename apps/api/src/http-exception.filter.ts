import { type ErrorBody, toErrorBody } from '@lifelong/common';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The one mapping from anything thrown to the api.md error body. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body: ErrorBody = toErrorBody(error, String(request.id));
    if (body.statusCode >= 500) this.logger.error(error);
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
