import { createHash } from 'node:crypto';
import { MultipartParseError, parseMultipart } from '@remix-run/multipart-parser';
import { LearningRecordsError } from '../learning-records-error';

/**
 * A `multipart/mixed` statement request as Fastify hands it over: read by {@link readStatementRequest}
 * in the request's own error handling, so a malformed body is a 400 with the platform's error body.
 */
export class MultipartStatementBody {
  constructor(
    readonly contentType: string,
    readonly bytes: Buffer,
  ) {}
}

/** One attachment's contents from a part after the first: checked against its own hash. */
export interface AttachmentPart {
  /** Lower-case hex SHA-2 (256, 384 or 512) of `content`, as the part's hash header named it. */
  sha2: string;
  contentType: string;
  content: Buffer;
}

/** A statement request's JSON and the attachment contents sent beside it. */
export interface StatementRequest {
  body: unknown;
  parts: AttachmentPart[];
}

const HASH_BY_HEX_LENGTH: Record<number, string> = { 64: 'sha256', 96: 'sha384', 128: 'sha512' };

const refused = (message: string, details?: Record<string, unknown>): LearningRecordsError =>
  new LearningRecordsError('ATTACHMENT_INVALID', message, details);

const mediaTypeOf = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * The JSON of a statement request and, for `multipart/mixed`, its attachments' parts (xAPI 2.0,
 * Communication 1.5.2): the first part is the statements as `application/json`; every other
 * part has `Content-Transfer-Encoding: binary` and `X-Experience-API-Hash`, the SHA-2 of its
 * bytes. Which attachment each part belongs to is checked against the statements afterwards.
 */
export function readStatementRequest(body: unknown): StatementRequest {
  if (!(body instanceof MultipartStatementBody)) return { body, parts: [] };
  const boundary = /(?:^|;)\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(body.contentType);
  if (!boundary) throw refused('Content-Type: multipart/mixed needs a boundary');
  const delimiter = (boundary[1] ?? boundary[2]) as string;
  // A preamble before the first delimiter (RFC 2046: to be ignored) is left out for the parser,
  // which reads from a delimiter.
  const start = Math.max(body.bytes.indexOf(`--${delimiter}`), 0);
  let parts;
  try {
    parts = [...parseMultipart(body.bytes.subarray(start), { boundary: delimiter })];
  } catch (error) {
    if (error instanceof MultipartParseError)
      throw refused(`The multipart body cannot be read: ${error.message}`);
    throw error;
  }
  const [first, ...rest] = parts;
  if (!first) throw refused('The multipart body has no part');
  if (mediaTypeOf(first.headers['content-type']) !== 'application/json')
    throw refused('The first part must be the statements, as application/json');
  let statements: unknown;
  try {
    statements = JSON.parse(Buffer.from(first.bytes).toString('utf8'));
  } catch {
    throw new LearningRecordsError('INVALID_STATEMENT', 'statement: the first part is not JSON', {
      path: 'statement',
    });
  }
  return {
    body: statements,
    parts: rest.map((part, index) => {
      const at = { part: index + 2 };
      if ((part.headers['content-transfer-encoding'] ?? '').trim().toLowerCase() !== 'binary')
        throw refused(`Part ${at.part}: Content-Transfer-Encoding must be binary`, at);
      const sha2 = (part.headers['x-experience-api-hash'] ?? '').trim().toLowerCase();
      const algorithm = HASH_BY_HEX_LENGTH[sha2.length];
      if (!algorithm || !/^[0-9a-f]+$/.test(sha2))
        throw refused(`Part ${at.part}: X-Experience-API-Hash must be a SHA-2 in hex`, at);
      const content = Buffer.from(part.bytes);
      if (createHash(algorithm).update(content).digest('hex') !== sha2)
        throw refused(`Part ${at.part}: its contents do not have the hash it names`, at);
      return {
        sha2,
        contentType: part.headers['content-type']?.trim() || 'application/octet-stream',
        content,
      };
    }),
  };
}
