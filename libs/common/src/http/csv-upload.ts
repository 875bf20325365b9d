import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { CommonError } from '../errors/domain-error';

const CSV_TYPE = /^(text|application)\/csv\s*(;|$)/i;

/**
 * An uploaded CSV (a staff list, a broadcast schedule): a `text/csv` body, or the multipart
 * field `file`. Above `maxBytes` Fastify and multipart answer 413 themselves. `what` names the
 * file in the 415 message ("the staff list").
 */
export async function readCsvUpload(
  request: FastifyRequest,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!file || file.fieldname !== 'file')
      throw new CommonError(
        'VALIDATION_FAILED',
        'Send the CSV in the multipart field "file"',
        'invalid',
        {
          fields: { file: ['file is required'] },
        },
      );
    return file.toBuffer();
  }
  if (CSV_TYPE.test(request.headers['content-type'] ?? '') && Buffer.isBuffer(request.body))
    return request.body;
  throw new CommonError(
    'UNSUPPORTED_MEDIA_TYPE',
    `Send ${what} as text/csv, or as multipart/form-data with the field "file"`,
    'unsupported',
  );
}
