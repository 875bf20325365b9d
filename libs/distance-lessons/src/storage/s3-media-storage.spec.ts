import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { S3MediaStorage } from './s3-media-storage';

const s3 = mockClient(S3Client);
const storage = new S3MediaStorage(new S3Client({ region: 'us-east-1' }), 'lessons');
// The SDK answers a Node stream (with helper methods the adapter does not use).
const body = (text: string) => Readable.from([Buffer.from(text)]) as never;

beforeEach(() => s3.reset());

describe('S3MediaStorage', () => {
  it('puts a stream with its content type and counts the bytes', async () => {
    s3.on(PutObjectCommand).resolves({});
    const bytes = await storage.write(
      'videos/v1/source',
      Readable.from([Buffer.from('hello')]),
      'video/mp4',
    );
    expect(bytes).toBe(5);
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({
      Bucket: 'lessons',
      Key: 'videos/v1/source',
      ContentType: 'video/mp4',
    });
  });

  it('refuses a key made from user input before any request', async () => {
    await expect(storage.write('videos/../x', Readable.from([]), 'video/mp4')).rejects.toThrow(
      /Not a media storage key/,
    );
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    '..',
    '../x',
    'videos/../../x',
    '/videos/a/source',
    'videos//a',
    'videos/a\u0000/source',
    'videos\\..\\x',
    'videos/./a',
    'videos/a/',
  ])('refuses the key %j for every operation, sending nothing', async (key) => {
    await expect(storage.read(key)).rejects.toThrow(/Not a media storage key/);
    await expect(storage.size(key)).rejects.toThrow(/Not a media storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/Not a media storage key/);
    await expect(storage.list(key)).rejects.toThrow(/Not a media storage key/);
    await expect(storage.move(key, 'videos/a/source')).rejects.toThrow(/Not a media storage key/);
    await expect(storage.move('videos/a/source', key)).rejects.toThrow(/Not a media storage key/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('reads a byte range and the whole size from Content-Range', async () => {
    s3.on(GetObjectCommand).resolves({
      Body: body('ello'),
      ContentRange: 'bytes 1-4/5000',
      ContentLength: 4,
    });
    const opened = await storage.read('videos/v1/hls/240p/seg_00000.ts', { start: 1, end: 4 });
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'lessons',
      Key: 'videos/v1/hls/240p/seg_00000.ts',
      Range: 'bytes=1-4',
    });
    expect(opened).toMatchObject({ size: 5000, range: { start: 1, end: 4 } });
  });

  it('answers null for a missing object', async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'gone', $metadata: { httpStatusCode: 404 } }),
    );
    expect(await storage.read('videos/v1/source')).toBeNull();
    s3.on(HeadObjectCommand).rejects(
      Object.assign(new NoSuchKey({ message: 'x', $metadata: { httpStatusCode: 404 } }), {
        name: 'NotFound',
      }),
    );
    expect(await storage.size('videos/v1/source')).toBeNull();
  });

  it('lists every page under a folder', async () => {
    s3.on(ListObjectsV2Command)
      .resolvesOnce({
        Contents: [{ Key: 'videos/v1/b' }],
        IsTruncated: true,
        NextContinuationToken: 't2',
      })
      .resolvesOnce({ Contents: [{ Key: 'videos/v1/a' }], IsTruncated: false });
    expect(await storage.list('videos/v1')).toEqual(['videos/v1/a', 'videos/v1/b']);
    const calls = s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input);
    expect(calls).toEqual([
      { Bucket: 'lessons', Prefix: 'videos/v1/', ContinuationToken: undefined },
      { Bucket: 'lessons', Prefix: 'videos/v1/', ContinuationToken: 't2' },
    ]);
  });

  it('deletes a folder in batches of at most 1000 keys', async () => {
    const keys = Array.from({ length: 1500 }, (_, i) => ({
      Key: `videos/v1/f${String(i).padStart(4, '0')}`,
    }));
    s3.on(ListObjectsV2Command).resolves({ Contents: keys, IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({});
    await storage.deletePrefix('videos/v1');
    const batches = s3
      .commandCalls(DeleteObjectsCommand)
      .map((call) => call.args[0].input.Delete?.Objects?.length);
    expect(batches).toEqual([1000, 500]);
  });

  it('moves by copying then deleting the original', async () => {
    s3.on(CopyObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    await storage.move('videos/v1/source', 'videos/v2/source');
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'lessons',
      Key: 'videos/v2/source',
      CopySource: 'lessons/videos/v1/source',
    });
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'lessons',
      Key: 'videos/v1/source',
    });
  });

  it('publishes a folder: uploads each file with its type, then removes what the old one had extra', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lifelong-s3-'));
    await mkdir(join(folder, '240p'));
    await writeFile(join(folder, 'master.m3u8'), '#EXTM3U');
    await writeFile(join(folder, '240p', 'seg_00000.ts'), 'ts');
    s3.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'videos/v1/hls/master.m3u8' }, { Key: 'videos/v1/hls/480p/seg_00000.ts' }],
    });
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectsCommand).resolves({});
    await storage.publishFolder(folder, 'videos/v1/hls');
    const puts = s3
      .commandCalls(PutObjectCommand)
      .map((call) => [call.args[0].input.Key, call.args[0].input.ContentType]);
    expect(puts).toEqual([
      ['videos/v1/hls/240p/seg_00000.ts', 'video/mp2t'],
      ['videos/v1/hls/master.m3u8', 'application/vnd.apple.mpegurl'],
    ]);
    expect(s3.commandCalls(DeleteObjectsCommand)[0]!.args[0].input.Delete?.Objects).toEqual([
      { Key: 'videos/v1/hls/480p/seg_00000.ts' },
    ]);
    await expect(readFile(join(folder, 'master.m3u8'))).rejects.toThrow(/ENOENT/);
    await rm(folder, { recursive: true, force: true });
  });

  it('downloads an object for ffmpeg', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lifelong-s3-'));
    s3.on(GetObjectCommand).resolves({ Body: body('source bytes'), ContentLength: 12 });
    const path = await storage.localCopy('videos/v1/source', join(folder, 'work', 'source'));
    expect(await readFile(path, 'utf8')).toBe('source bytes');
    await rm(folder, { recursive: true, force: true });
  });
});
