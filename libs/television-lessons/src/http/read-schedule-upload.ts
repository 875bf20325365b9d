import '@fastify/multipart';
import { CommonError } from '@lifelong/common';
import type { FastifyRequest } from 'fastify';

const CSV_TYPE = /^(text|application)\/csv\s*(;|$)/i;

/** The uploaded schedule: a `text/csv` body, or the multipart field `file`. */
export async function readScheduleUpload(
  request: FastifyRequest,
  maxBytes: number,
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
    'Send the schedule as text/csv, or as multipart/form-data with the field "file"',
    'unsupported',
  );
}
