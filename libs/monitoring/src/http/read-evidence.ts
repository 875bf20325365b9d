import '@fastify/multipart';
import { CommonError } from '@lifelong/common';
import type { FastifyRequest } from 'fastify';
import {
  EVIDENCE_MAX_BYTES,
  type EvidenceUpload,
} from '../inspections/inspection-evidence.service';
import { MonitoringError } from '../monitoring-error';

/**
 * The multipart field `file` of an evidence upload, as a stream that fails with 413
 * EVIDENCE_TOO_LARGE the moment it passes the limit (nothing is held in memory).
 */
export async function readEvidence(request: FastifyRequest): Promise<EvidenceUpload> {
  if (!request.isMultipart())
    throw new CommonError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data, field "file"',
      'unsupported',
    );
  const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw new MonitoringError('VALIDATION_FAILED', 'Send the file in the multipart field "file"', {
      fields: { file: ['file is required'] },
    });
  part.file.once('limit', () =>
    part.file.destroy(
      new MonitoringError('EVIDENCE_TOO_LARGE', 'Evidence files may be at most 20 MB', {
        maxBytes: EVIDENCE_MAX_BYTES,
      }),
    ),
  );
  return { fileName: part.filename, contentType: part.mimetype, body: part.file };
}
