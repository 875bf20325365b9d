import { readFile } from 'node:fs/promises';
import { fixture } from '../../../../test/support/media-fixtures';
import { TEST_ADMIN } from './platform-settings';

type Json = Record<string, unknown>;

/** The demo instructor (README "Demo accounts"). */
const INSTRUCTOR = { email: 'giangvien@demo.lifelong.local', password: 'Lifelong@2026' };

/** How long the worker may take to transcode the test video (the journey allows for it). */
export const VIDEO_READY_WITHIN_MS = 8 * 60_000;

/** What a learner journey needs to know of the course it was given. */
export interface LearnerCourse {
  courseId: string;
  title: string;
  videoTitle: string;
  readingTitle: string;
  quizTitle: string;
  televisionTitle: string;
  /** The code shown on screen during the television lesson's airing (staff see it). */
  attendanceCode: string;
  /** quiz answers: the right choice's text per question. */
  rightAnswers: string[];
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Json;
}

async function signIn(base: string, who: { email: string; password: string }): Promise<string> {
  return (await call(base, 'POST', '/api/v1/auth/login', undefined, who)).accessToken as string;
}

/**
 * A published course of the demo facility, made through the api as its instructor would: a
 * real 10-second video transcoded by the worker (complete at 60 %: six seconds of watching),
 * a reading, a one-question quiz and a television lesson airing now.
 */
export async function learnerCourse(base: string): Promise<LearnerCourse> {
  const stamp = Date.now().toString(36);
  const token = await signIn(base, INSTRUCTOR);
  const me = await call(base, 'GET', '/api/v1/me', token);
  const facilityId = (me.roles as { role: string; scopeId: string }[]).find(
    (grant) => grant.role === 'instructor',
  )!.scopeId;
  const title = `Kỹ năng học trực tuyến ${stamp}`;
  const course = await call(base, 'POST', '/api/v1/courses', token, {
    facilityId,
    title,
    summary: 'Học qua video, bài đọc, bài kiểm tra và truyền hình.',
    hours: 2,
  });
  const courseId = course.id as string;
  const section = await call(base, 'POST', `/api/v1/courses/${courseId}/sections`, token, {
    title: 'Phần 1. Bắt đầu',
  });
  const lesson = (body: Json) =>
    call(base, 'POST', `/api/v1/sections/${section.id as string}/lessons`, token, body);
  const video = await lesson({ title: 'Video: làm quen', kind: 'video', completionThreshold: 60 });
  const form = new FormData();
  form.append('file', new Blob([await readFile(await fixture('lesson10s'))]), 'lam-quen.mp4');
  const uploaded = await fetch(`${base}/api/v1/lessons/${video.id as string}/video`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status}`);
  const { videoId } = (await uploaded.json()) as { videoId: string };
  await lesson({
    title: 'Bài đọc: tự học hiệu quả',
    kind: 'reading',
    body: '<h2>Tự học</h2><p>Đặt mục tiêu nhỏ, học đều mỗi ngày và ghi chép lại.</p>',
  });
  await lesson({
    title: 'Bài kiểm tra',
    kind: 'quiz',
    passMark: 100,
    attemptLimit: 3,
    questions: [
      {
        text: 'Nên học như thế nào?',
        choices: [
          { text: 'Đều đặn mỗi ngày', correct: true },
          { text: 'Chỉ trước kỳ thi', correct: false },
        ],
      },
    ],
  });
  const television = await lesson({ title: 'Truyền hình: ôn tập', kind: 'television' });

  // Transcoding takes seconds on an idle machine and minutes on a loaded one: wait on the video's
  // status as the studio does, long enough for a busy machine, never forever.
  const transcodedBy = Date.now() + VIDEO_READY_WITHIN_MS;
  for (;;) {
    const status = (await call(base, 'GET', `/api/v1/videos/${videoId}`, token)).status;
    if (status === 'ready') break;
    if (status === 'failed') throw new Error('the test video failed to transcode');
    if (Date.now() > transcodedBy)
      throw new Error(
        `the test video is still ${String(status)} after ${VIDEO_READY_WITHIN_MS} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  await call(base, 'POST', `/api/v1/courses/${courseId}/publish`, token);

  // On the first demo channel free right now (an earlier journey may hold one). The demo channels
  // are national: only a platform admin schedules on them.
  const admin = await signIn(base, TEST_ADMIN);
  const channels = (await call(base, 'GET', '/api/v1/channels')).items as { id: string }[];
  const now = Date.now();
  let attendanceCode = '';
  for (const channel of channels) {
    const response = await fetch(`${base}/api/v1/broadcasts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: channel.id,
        lessonId: television.id,
        startsAt: new Date(now - 5 * 60_000).toISOString(),
        endsAt: new Date(now + 40 * 60_000).toISOString(),
      }),
    });
    if (response.status === 409) continue;
    if (response.status !== 201)
      throw new Error(`broadcast: ${response.status} ${await response.text()}`);
    attendanceCode = ((await response.json()) as { attendanceCode: string }).attendanceCode;
    break;
  }
  if (!attendanceCode) throw new Error('no demo channel is free now');
  return {
    courseId,
    title,
    videoTitle: 'Video: làm quen',
    readingTitle: 'Bài đọc: tự học hiệu quả',
    quizTitle: 'Bài kiểm tra',
    televisionTitle: 'Truyền hình: ôn tập',
    attendanceCode,
    rightAnswers: ['Đều đặn mỗi ngày'],
  };
}
