import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { diskPathOf } from './media-keys';
import { type ByteRange, MediaStorage, type OpenedObject } from './media-storage';

const isMissing = (error: unknown): boolean => (error as { code?: unknown }).code === 'ENOENT';

/**
 * Media on a local (or mounted) disk under MEDIA_DIR. Writes land in `.partial/` and are renamed
 * into place, so readers see whole files only; replaced folders go through `.trash/`.
 */
export class DiskMediaStorage extends MediaStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    return diskPathOf(this.root, key);
  }

  private async scratchPath(kind: '.partial' | '.trash'): Promise<string> {
    const folder = join(this.root, kind);
    await mkdir(folder, { recursive: true });
    return join(folder, randomUUID());
  }

  async write(key: string, body: Readable, _contentType: string): Promise<number> {
    const target = this.pathOf(key);
    const partial = await this.scratchPath('.partial');
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(partial, { flags: 'wx' }));
      await mkdir(dirname(target), { recursive: true });
      await rename(partial, target);
      return bytes;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async adoptFile(key: string, localPath: string, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await moveAcrossDevices(localPath, target);
  }

  async read(key: string, range?: ByteRange): Promise<OpenedObject | null> {
    const path = this.pathOf(key);
    try {
      const { size, isFile } = await stat(path).then((s) => ({ size: s.size, isFile: s.isFile() }));
      if (!isFile) return null;
      if (!range) return { body: createReadStream(path), size };
      return { body: createReadStream(path, { start: range.start, end: range.end }), size, range };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const folder = this.pathOf(prefix);
    try {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) =>
          relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'),
        )
        .sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    const folder = this.pathOf(prefix);
    const trash = await this.scratchPath('.trash');
    try {
      // Renamed out first: a reader or a publisher never sees a half-deleted folder.
      await rename(folder, trash);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await rm(trash, { recursive: true, force: true });
  }

  async move(from: string, to: string): Promise<void> {
    const target = this.pathOf(to);
    await mkdir(dirname(target), { recursive: true });
    await rename(this.pathOf(from), target);
  }

  async localCopy(key: string, _scratchPath: string): Promise<string> {
    const path = this.pathOf(key);
    await stat(path);
    return path;
  }

  async publishFolder(localDir: string, prefix: string): Promise<void> {
    const target = this.pathOf(prefix);
    await mkdir(dirname(target), { recursive: true });
    await this.deletePrefix(prefix);
    await moveAcrossDevices(localDir, target);
  }
}

/** rename(), or copy then remove when the two paths are on different file systems. */
async function moveAcrossDevices(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EXDEV') throw error;
    const partial = `${to}.partial-${randomUUID()}`;
    await cp(from, partial, { recursive: true });
    await rename(partial, to);
    await rm(from, { recursive: true, force: true });
  }
}
