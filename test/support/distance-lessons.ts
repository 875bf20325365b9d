import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '@lifelong/common';
import { CourseAuthoring, LessonAuthoring, SectionAuthoring } from '@lifelong/courses';
import {
  AccessTokenService,
  type Principal,
  type RoleGrant,
  RoleGrantsService,
} from '@lifelong/identity';
import { AdminUnitsService, FacilitiesService } from '@lifelong/organizations';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A signed-in user of the tests: id, principal (for services) and token (for HTTP). */
export interface Person {
  userId: string;
  principal: Principal;
  token: string;
}

/** A facility with a draft course: a required video lesson and an optional reading. */
export interface LessonWorld {
  facilityId: string;
  otherFacilityId: string;
  courseId: string;
  sectionId: string;
  videoLessonId: string;
  readingLessonId: string;
  admin: Person;
  instructor: Person;
  /** An instructor of another facility. */
  stranger: Person;
  learner: Person;
}

export async function person(
  app: INestApplicationContext,
  name: string,
  ...grants: RoleGrant[]
): Promise<Person> {
  const userId = newId();
  await app
    .get(DataSource)
    .query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES (?, ?, ?)', [
      userId,
      `${name}.${userId.slice(-8)}@example.vn`,
      `Người dùng ${name}`,
    ]);
  for (const grant of grants) await app.get(RoleGrantsService).assign(userId, grant);
  return {
    userId,
    principal: { userId, email: `${name}@example.vn`, roles: grants },
    token: await app.get(AccessTokenService).issue(userId),
  };
}

const instructorAt = (facilityId: string): RoleGrant => ({
  role: 'instructor',
  scopeType: 'facility',
  scopeId: facilityId,
});

async function facility(app: INestApplicationContext, admin: Principal): Promise<string> {
  const suffix = newId().slice(-8);
  const unit = await app
    .get(AdminUnitsService)
    .create(admin, { code: `AU-${suffix}`, name: 'Tỉnh Thử', level: 'province' });
  const created = await app.get(FacilitiesService).create(admin, {
    code: `F-${suffix}`,
    name: 'Trung tâm học tập cộng đồng',
    type: 'community_learning_center',
    adminUnitId: unit.id,
  });
  return created.id;
}

/** Builds a {@link LessonWorld} through the real services. */
export async function lessonWorld(app: INestApplicationContext): Promise<LessonWorld> {
  const admin = await person(app, 'admin', { role: 'admin', scopeType: null, scopeId: null });
  const facilityId = await facility(app, admin.principal);
  const otherFacilityId = await facility(app, admin.principal);
  const instructor = await person(app, 'giang.vien', instructorAt(facilityId));
  const stranger = await person(app, 'giang.vien.khac', instructorAt(otherFacilityId));
  const learner = await person(app, 'hoc.vien', {
    role: 'learner',
    scopeType: null,
    scopeId: null,
  });
  const course = await app.get(CourseAuthoring).create(instructor.principal, {
    facilityId,
    title: 'Học tập suốt đời',
    summary: 'Khoá học thử cho bài giảng video',
  });
  const section = await app
    .get(SectionAuthoring)
    .addSection(instructor.principal, course.id, 'Phần 1');
  const lessons = app.get(LessonAuthoring);
  const video = await lessons.addLesson(instructor.principal, section.id, {
    title: 'Bài giảng 1',
    kind: 'video',
  });
  const reading = await lessons.addLesson(instructor.principal, section.id, {
    title: 'Bài đọc',
    kind: 'reading',
    required: false,
    body: '<p>Đọc thêm</p>',
  });
  return {
    facilityId,
    otherFacilityId,
    courseId: course.id,
    sectionId: section.id,
    videoLessonId: video.id,
    readingLessonId: reading.id,
    admin,
    instructor,
    stranger,
    learner,
  };
}

/** The base URL of a listening Nest app. */
export async function baseUrl(app: { getUrl(): Promise<string> }): Promise<string> {
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

/** `POST /api/v1/lessons/{id}/video` as multipart with the field `file`. */
export async function uploadVideo(
  base: string,
  token: string,
  lessonId: string,
  bytes: Buffer,
  filename = 'bai-giang.mp4',
): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'video/mp4' }), filename);
  const response = await fetch(`${base}/api/v1/lessons/${lessonId}/video`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return answer(response);
}

/** A JSON request with a Bearer token. */
export async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
): Promise<Answer> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return answer(await fetch(`${base}${path}`, { method, headers }));
}

const metadata = (pairs: Record<string, string>): string =>
  Object.entries(pairs)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');

/** A minimal tus 1.0 client over fetch (and node:http, to cut a request off mid-body). */
export class TusClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'tus-resumable': '1.0.0', ...extra };
  }

  /** Creates an upload; answers its path (from Location) with the response. */
  async create(length: number, meta: Record<string, string>): Promise<Answer & { path: string }> {
    const response = await answer(
      await fetch(`${this.base}/api/v1/uploads`, {
        method: 'POST',
        headers: this.headers({
          'upload-length': String(length),
          'upload-metadata': metadata(meta),
        }),
      }),
    );
    return {
      ...response,
      path: new URL(response.headers.get('location') ?? '/', this.base).pathname,
    };
  }

  async offset(path: string): Promise<Answer> {
    return answer(await fetch(`${this.base}${path}`, { method: 'HEAD', headers: this.headers() }));
  }

  async patch(path: string, offset: number, bytes: Buffer): Promise<Answer> {
    return answer(
      await fetch(`${this.base}${path}`, {
        method: 'PATCH',
        headers: this.headers({
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        }),
        body: bytes,
      }),
    );
  }

  /**
   * Starts a PATCH that announces `total` bytes, sends `sent` of them, waits, then drops the
   * connection: a link that failed mid-upload.
   */
  async interruptedPatch(path: string, offset: number, total: Buffer, sent: number): Promise<void> {
    const url = new URL(`${this.base}${path}`);
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, {
        method: 'PATCH',
        headers: this.headers({
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
          'content-length': String(total.length),
        }),
      });
      req.on('error', () => resolve());
      req.write(total.subarray(0, sent), () => {
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 400);
      });
    });
  }
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
export const sha256OfFile = async (path: string): Promise<string> => sha256(await readFile(path));

/**
 * A request sent with its path exactly as given (fetch would normalize some encodings of `..`),
 * answered with its status, headers and body text.
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A loopback HTTP server that only records which paths were asked of it. */
export async function requestTrap(): Promise<{
  url: string;
  requests: string[];
  close(): Promise<void>;
}> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * An HLS playlist naming `uris` as its segments, with a control byte in a comment so it does not
 * pass for plain text: the kind of file that would make ffmpeg read whatever it names.
 */
export const playlistNaming = (...uris: string[]): Buffer =>
  Buffer.from(
    [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#\u0001',
      '#EXT-X-TARGETDURATION:6',
      ...uris.flatMap((uri) => ['#EXTINF:2,', uri]),
      '#EXT-X-ENDLIST',
      '',
    ].join('\n'),
  );
