import { randomBytes } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import { resolveUnder } from '../storage/media-keys';

/** A tus upload id is only ever this server's own: 32 lower-case hex digits (128 random bits). */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const newUploadId = (): string => randomBytes(16).toString('hex');
export const isUploadId = (id: unknown): id is string =>
  typeof id === 'string' && UPLOAD_ID.test(id);

/** Not an upload id of ours: tus answers 404, as for an upload that does not exist. */
export class UnknownUploadError extends Error {
  readonly status_code = 404;
  readonly body = 'There is no such upload';
}

/** The local file of an upload in progress under `directory`; throws for any other id. */
export function uploadPathOf(directory: string, id: string): string {
  if (!isUploadId(id)) throw new UnknownUploadError('Not an upload id');
  return resolveUnder(directory, id);
}

/**
 * `@tus/file-store` joins whatever id it is given to its folder (and deletes with a string
 * concatenation): this one refuses every id that is not one of ours before touching the disk,
 * whoever calls it.
 */
export class UploadFileStore extends FileStore {
  private readonly folder: string;

  constructor(directory: string) {
    super({ directory });
    this.folder = directory;
  }

  private check(id: string): void {
    uploadPathOf(this.folder, id);
  }

  override async create(file: Upload): Promise<Upload> {
    this.check(file.id);
    return super.create(file);
  }

  override read(id: string): ReadStream {
    this.check(id);
    return super.read(id);
  }

  override async remove(id: string): Promise<void> {
    this.check(id);
    return super.remove(id);
  }

  override async write(
    readable: IncomingMessage | Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    this.check(id);
    return super.write(readable, id, offset);
  }

  override async getUpload(id: string): Promise<Upload> {
    this.check(id);
    return super.getUpload(id);
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    this.check(id);
    return super.declareUploadLength(id, length);
  }
}
