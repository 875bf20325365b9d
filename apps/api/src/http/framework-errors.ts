import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { ErrorBody } from '@lifelong/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Refusals Fastify and Node make before any route runs, in the api.md error body: a URL that
 * does not decode, a path parameter over the length limit, a request line or headers too large
 * for the parser, a malformed request. Left to the defaults they answer in another shape (the
 * bad URL echoed back, no request id).
 */

/** Fastify's `frameworkErrors`: router refusals, with the request id already assigned. */
export function frameworkErrors(
  error: { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ErrorBody = tooLong
    ? {
        statusCode: 414,
        code: 'URI_TOO_LONG',
        message: 'A path segment is too long',
        requestId: String(request.id),
      }
    : {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request URL is malformed (bad percent-encoding)',
        requestId: String(request.id),
      };
  void reply
    .status(body.statusCode)
    .header('x-request-id', String(request.id))
    .header('content-type', 'application/json; charset=utf-8')
    .send(body);
}

/** Fastify's `clientErrorHandler`: the HTTP parser refused the bytes, so there is no request. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = randomUUID();
  const [statusCode, code, message, reason] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'HEADERS_TOO_LARGE',
          'The request line or headers are too large',
          'Request Header Fields Too Large',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive', 'Request Timeout']
        : [400, 'VALIDATION_FAILED', 'The request is not valid HTTP', 'Bad Request'];
  const body = JSON.stringify({ statusCode, code, message, requestId } satisfies ErrorBody);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${statusCode} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
