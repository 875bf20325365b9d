import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { VideoError } from '../distance-lessons-error';

const isTooLarge = (error: unknown): boolean =>
  (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';

const requireMultipart = (request: FastifyRequest): void => {
  if (!request.isMultipart())
    throw VideoError.invalid({ file: ['Send the file as multipart/form-data, field "file"'] });
};

/**
 * The `file` part of a multipart upload, as a stream that fails with 413 the moment it passes
 * `maxBytes` (nothing is buffered). Refuses up front a request whose declared length is over.
 */
export async function fileStream(
  request: FastifyRequest,
  maxBytes: number,
): Promise<MultipartFile> {
  requireMultipart(request);
  const declared = Number(request.headers['content-length']);
  // Multipart framing adds a few hundred bytes to the file itself.
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024)
    throw VideoError.tooLarge(maxBytes);
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw VideoError.invalid({ file: ['A multipart field "file" with the video is required'] });
  part.file.once('limit', () => part.file.destroy(VideoError.tooLarge(maxBytes)));
  return part;
}

/** Every field and the whole `file` part of a small multipart upload (subtitles). */
export async function smallUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file: Buffer | null }> {
  requireMultipart(request);
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') file = bytes;
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    if (isTooLarge(error)) throw VideoError.tooLarge(maxBytes);
    throw error;
  }
  return { fields, file };
}

/** Maps the multipart plugin's size refusal to the domain's 413. */
export function tooLargeAsDomainError(error: unknown, maxBytes: number): unknown {
  return isTooLarge(error) ? VideoError.tooLarge(maxBytes) : error;
}
