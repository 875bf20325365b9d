import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { testConfig } from '../setup/test-env';
import {
  baseUrl,
  lessonWorld,
  type LessonWorld,
  playlistNaming,
  rawRequest,
  requestTrap,
  TusClient,
  uploadVideo,
} from '../support/distance-lessons';
import { mediaDir, removeMediaDir } from '../support/media-fixtures';

// An attacker with an instructor's account against the upload routes of the real api: upload
// ids that climb out of the upload folder, uploads whose metadata is gone, a playlist passed off
// as a video, and a foreign web page calling the tus endpoint from the browser.
let dir: string;
let app: NestFastifyApplication;
let base: string;
let world: LessonWorld;

beforeAll(async () => {
  dir = await mediaDir();
  app = await createApp(testConfig({ MEDIA_DIR: dir }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = await baseUrl(app);
  world = await lessonWorld(app);
});

afterAll(async () => {
  await app?.close();
  await removeMediaDir(dir);
});

const tusHeaders = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  'tus-resumable': '1.0.0',
  ...extra,
});

/** No absolute path, stack frame or file name of ours in what an answer says. */
function expectNoPath(text: string): void {
  expect(text).not.toContain(dir);
  expect(text).not.toMatch(/\/tmp\/|\/var\/|\.incoming|ENOENT|\bat \S+ \(/);
}

describe('tus upload ids', () => {
  const planted = () => join(dir, 'planted.txt');
  const plantedSource = () => join(dir, 'videos', 'victim', 'source');
  const incomingVictim = () => join(dir, '.incoming', 'victim');

  beforeEach(async () => {
    await mkdir(join(dir, 'videos', 'victim'), { recursive: true });
    await mkdir(join(dir, '.incoming'), { recursive: true });
    await writeFile(planted(), 'keep me');
    await writeFile(plantedSource(), 'keep me too');
    await writeFile(incomingVictim(), 'not an upload of this server');
  });

  const hostileIds = [
    '..%2Fplanted.txt',
    '%2e%2e%2fplanted.txt',
    '%2E%2E%2Fplanted.txt',
    '..%252Fplanted.txt',
    '..%5Cplanted.txt',
    '..%2Fvideos%2Fvictim%2Fsource',
    '%2e%2e%2Fvideos%2Fvictim%2Fsource',
    '..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fhostname',
    'victim',
    'victim%00',
    '0123456789abcdef0123456789abcdef?x=%2F..%2Fplanted.txt',
  ];

  it.each(hostileIds)(
    'answers 404 to DELETE, HEAD, PATCH and GET of %s and removes nothing',
    async (id) => {
      for (const method of ['DELETE', 'HEAD', 'PATCH', 'GET']) {
        const headers = tusHeaders(
          world.instructor.token,
          method === 'PATCH'
            ? { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }
            : {},
        );
        const answer = await rawRequest(
          base,
          method,
          `/api/v1/uploads/${id}`,
          headers,
          method === 'PATCH' ? Buffer.from('x') : undefined,
        );
        expect([method, id, answer.status]).toEqual([method, id, 404]);
        expectNoPath(answer.text);
        if (method !== 'HEAD')
          expect(JSON.parse(answer.text)).toMatchObject({
            statusCode: 404,
            code: expect.any(String) as unknown,
            message: expect.any(String) as unknown,
          });
      }
      expect(await readFile(planted(), 'utf8')).toBe('keep me');
      expect(await readFile(plantedSource(), 'utf8')).toBe('keep me too');
      expect(await readFile(incomingVictim(), 'utf8')).toBe('not an upload of this server');
    },
  );
});

describe('a tus upload whose metadata is gone', () => {
  it('belongs to no one: another user can neither delete, inspect nor resume it', async () => {
    const created = await new TusClient(base, world.instructor.token).create(10, {
      lessonId: world.videoLessonId,
    });
    expect(created.status).toBe(201);
    const uploadId = created.path.split('/').at(-1)!;
    await rm(join(dir, '.incoming', `${uploadId}.json`));

    const admin = new TusClient(base, world.admin.token);
    expect((await admin.offset(created.path)).status).toBe(404);
    const patched = await admin.patch(created.path, 0, Buffer.from('0123456789'));
    expect(patched.status).toBe(404);
    const deleted = await rawRequest(base, 'DELETE', created.path, tusHeaders(world.admin.token));
    expect(deleted.status).toBe(404);
    expectNoPath(deleted.text);
    expect(existsSync(join(dir, '.incoming', uploadId))).toBe(true);
  });
});

describe('tus and other origins', () => {
  it('sends no CORS permission: only the platform’s own pages may call it', async () => {
    const origin = { origin: 'https://attacker.example' };
    const options = await rawRequest(base, 'OPTIONS', '/api/v1/uploads', {
      ...origin,
      'access-control-request-method': 'POST',
    });
    expect(options.status).toBe(204);
    expect(options.headers['tus-version']).toBe('1.0.0');
    const created = await rawRequest(
      base,
      'POST',
      '/api/v1/uploads',
      tusHeaders(world.instructor.token, {
        ...origin,
        'upload-length': '10',
        'upload-metadata': `lessonId ${Buffer.from(world.videoLessonId).toString('base64')}`,
      }),
    );
    expect(created.status).toBe(201);
    const head = await rawRequest(
      base,
      'HEAD',
      new URL(String(created.headers.location)).pathname,
      tusHeaders(world.instructor.token, origin),
    );
    expect(head.status).toBe(200);
    for (const answer of [options, created, head])
      expect(
        Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')),
      ).toEqual([]);
  });
});

describe('a playlist passed off as a video', () => {
  it('is refused when uploaded, with a reason, and nothing it names is fetched', async () => {
    const trap = await requestTrap();
    try {
      const playlist = playlistNaming(`${trap.url}/internal/seg.ts`, '/etc/hostname.ts');
      const multipart = await uploadVideo(
        base,
        world.instructor.token,
        world.videoLessonId,
        playlist,
        'bai-giang.mp4',
      );
      expect(multipart.status).toBe(415);
      expect(multipart.body).toMatchObject({ code: 'NOT_A_VIDEO' });
      expect(String(multipart.body.message)).toMatch(/playlist/i);

      const tus = new TusClient(base, world.instructor.token);
      const created = await tus.create(playlist.length, { lessonId: world.videoLessonId });
      const finished = await tus.patch(created.path, 0, playlist);
      expect(finished.status).toBe(415);
      expect(finished.body).toMatchObject({ code: 'NOT_A_VIDEO' });
      expect(trap.requests).toEqual([]);
    } finally {
      await trap.close();
    }
  });
});
