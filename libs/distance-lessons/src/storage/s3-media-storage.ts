import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { MediaConfig } from '@lifelong/common';
import { contentTypeOf, objectKeyOf } from './media-keys';
import { type ByteRange, MediaStorage, type OpenedObject } from './media-storage';

type S3Settings = NonNullable<MediaConfig['s3']>;

/** S3 refuses more keys than this in one DeleteObjects request. */
const DELETE_BATCH = 1000;
/** Parts of a multipart upload held in memory at once: 4 × 8 MiB per upload. */
const UPLOAD_QUEUE = 4;
const PART_SIZE = 8 * 1024 * 1024;

const isNotFound = (error: unknown): boolean =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' ||
    error.name === 'NotFound' ||
    error.$metadata.httpStatusCode === 404);

/** The client for MEDIA_S3_* settings; credentials fall back to the SDK's chain (roles, env). */
export function s3ClientFor(settings: S3Settings): S3Client {
  const config: S3ClientConfig = {
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
  };
  if (settings.accessKeyId && settings.secretAccessKey)
    config.credentials = {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    };
  return new S3Client(config);
}

/** `bytes 0-99/1234` → 1234. */
const totalOf = (contentRange: string | undefined): number | null => {
  const total = Number(contentRange?.split('/')[1]);
  return Number.isFinite(total) ? total : null;
};

/**
 * Media in an S3-compatible bucket. Streams go up as multipart uploads (memory stays bounded
 * whatever the size) and become visible only when complete; a move is a copy then a delete.
 */
export class S3MediaStorage extends MediaStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  async write(key: string, body: Readable, contentType: string): Promise<number> {
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    body.on('error', (error) => counter.destroy(error));
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: objectKeyOf(key),
        Body: body.pipe(counter),
        ContentType: contentType,
      },
      queueSize: UPLOAD_QUEUE,
      partSize: PART_SIZE,
      leavePartsOnError: false,
    });
    await upload.done();
    return bytes;
  }

  async adoptFile(key: string, localPath: string, contentType: string): Promise<void> {
    await this.write(key, createReadStream(localPath), contentType);
    await rm(localPath, { force: true });
  }

  async read(key: string, range?: ByteRange): Promise<OpenedObject | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: objectKeyOf(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      if (!(answer.Body instanceof Readable)) throw new Error(`S3 gave no stream for ${key}`);
      const size = range ? totalOf(answer.ContentRange) : (answer.ContentLength ?? null);
      if (size === null) throw new Error(`S3 gave no size for ${key}`);
      return range ? { body: answer.Body, size, range } : { body: answer.Body, size };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: objectKeyOf(key) }),
      );
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${objectKeyOf(prefix)}/`,
          ContinuationToken: token,
        }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKeyOf(key) }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    await this.deleteKeys(await this.list(prefix));
  }

  private async deleteKeys(keys: readonly string[]): Promise<void> {
    for (let from = 0; from < keys.length; from += DELETE_BATCH) {
      const batch = keys.slice(from, from + DELETE_BATCH);
      const answer = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = answer.Errors ?? [];
      if (failed.length > 0)
        throw new Error(`S3 kept ${failed.length} object(s), e.g. ${failed[0]?.Key ?? '?'}`);
    }
  }

  async move(from: string, to: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: objectKeyOf(to),
        CopySource: `${this.bucket}/${encodeURIComponent(objectKeyOf(from)).replace(/%2F/g, '/')}`,
      }),
    );
    await this.delete(from);
  }

  async localCopy(key: string, scratchPath: string): Promise<string> {
    const object = await this.read(key);
    if (!object) throw new Error(`No stored object ${key}`);
    await mkdir(dirname(scratchPath), { recursive: true });
    await pipeline(object.body, createWriteStream(scratchPath));
    return scratchPath;
  }

  async publishFolder(localDir: string, prefix: string): Promise<void> {
    const before = await this.list(prefix);
    const files = await filesUnder(localDir);
    const written = new Set<string>();
    for (const file of files) {
      const key = `${objectKeyOf(prefix)}/${file}`;
      await this.write(key, createReadStream(join(localDir, file)), contentTypeOf(file));
      written.add(key);
    }
    await this.deleteKeys(before.filter((key) => !written.has(key)));
    await rm(localDir, { recursive: true, force: true });
  }
}

/** Files under a local folder, as `/`-separated relative paths. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
