import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { Cmi5Error } from '../cmi5-error';

const tooLarge = (maxBytes: number): Cmi5Error =>
  new Cmi5Error('CMI5_PACKAGE_TOO_LARGE', `A package is at most ${maxBytes} bytes`, { maxBytes });

/**
 * Saves the multipart `file` field to a temporary file (a zip is read from its end, so it must
 * be on disk), failing with 413 past `maxBytes`; `use` runs with its path, which is removed
 * after, whatever happens.
 */
export async function withUploadedFile<T>(
  request: FastifyRequest,
  maxBytes: number,
  use: (path: string) => Promise<T>,
): Promise<T> {
  const missing = Cmi5Error.invalid(
    'file',
    'Send the package as multipart/form-data, field "file"',
  );
  if (!request.isMultipart()) throw missing;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') throw missing;
  const dir = await mkdtemp(join(tmpdir(), 'lifelong-cmi5-'));
  try {
    const path = join(dir, 'package.zip');
    part.file.once('limit', () => part.file.destroy(tooLarge(maxBytes)));
    await pipeline(part.file, createWriteStream(path));
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
