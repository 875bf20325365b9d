import { readFile } from 'node:fs/promises';
import { type LoadAnswer, LoadClient } from '../support/load';

/** What the load does, one kind of request each. */
export type Operation =
  'browse' | 'enroll' | 'progress' | 'attendance' | 'attendance-wrong' | 'upload';

/** The statuses that mean the platform did what was asked (anything else is a failure). */
const EXPECTED: Record<Operation, readonly number[]> = {
  browse: [200],
  // 201 enrolled now; 200 already enrolled (never here: each pair is asked once).
  enroll: [201],
  progress: [200],
  attendance: [201],
  'attendance-wrong': [422],
  upload: [202],
};

export interface Answer {
  operation: Operation;
  status: number;
  /** The api process that answered (nginx's X-Upstream), '' when none did. */
  upstream: string;
  /** A transport error (connection reset, refused) instead of an answer. */
  error?: string;
  ms: number;
  at: number;
}

export interface VideoCourse {
  courseId: string;
  lessonId: string;
  /** Reports of 5 s it takes to complete the lesson. */
  reports: number;
}

export interface Learner {
  userId: string;
  token: string;
}

export interface Airing {
  courseId: string;
  broadcastId: string;
  code: string;
}

export interface LoadPlan {
  base: string;
  learners: Learner[];
  videoCourses: VideoCourse[];
  airing: Airing;
  /** An author's token and the video lessons of a draft course to upload to. */
  uploads: { token: string; lessonIds: string[]; file: string };
  /** Anonymous catalogue readers beside the learners. */
  browsers: number;
  durationMs: number;
}

/** What the load was acknowledged (2xx), to hold the database to afterwards. */
export interface Acknowledged {
  /** `<userId>:<courseId>` → enrollment id. */
  enrollments: Map<string, string>;
  /** `<enrollmentId>:<lessonId>` → reports answered 200, and the last answer's watched seconds. */
  progress: Map<string, { reports: number; watchedSeconds: number }>;
  /** Learners whose right code was answered 201. */
  attendances: Set<string>;
  /** Video ids of accepted uploads. */
  videos: string[];
}

const SEGMENT = 5;

/**
 * A bounded mixed load through the load balancer: each learner one request at a time (browse,
 * enroll in every course, watch each video lesson to the end in 5-second reports, enroll in the
 * television course and enter a wrong then the right attendance code, then browse), anonymous
 * catalogue readers, and an author uploading videos one after another, until the time is up.
 */
export class MixedLoad {
  readonly answers: Answer[] = [];
  readonly acknowledged: Acknowledged = {
    enrollments: new Map(),
    progress: new Map(),
    attendances: new Set(),
    videos: [],
  };
  private readonly client: LoadClient;
  private deadline = 0;

  constructor(private readonly plan: LoadPlan) {
    this.client = new LoadClient(plan.base, plan.learners.length + plan.browsers + 1);
  }

  async run(): Promise<void> {
    this.deadline = Date.now() + this.plan.durationMs;
    await Promise.all([
      ...this.plan.learners.map((learner, index) => this.learn(learner, index)),
      ...Array.from({ length: this.plan.browsers }, (_, index) => this.browseUntilDone(index)),
      this.upload(),
    ]);
    this.client.close();
  }

  /** Requests the client sent again: the kept-alive connection closed unread under them. */
  get resent(): number {
    return this.client.resent;
  }

  /** Answers that were not what the operation expects, transport errors included. */
  failures(): Answer[] {
    return this.answers.filter((answer) => !EXPECTED[answer.operation].includes(answer.status));
  }

  private get running(): boolean {
    return Date.now() < this.deadline;
  }

  private async learn(learner: Learner, index: number): Promise<void> {
    const { videoCourses } = this.plan;
    await this.browse(index);
    for (const [step, course] of videoCourses.entries()) {
      if (!this.running) return;
      const enrollmentId = await this.enroll(learner, course.courseId);
      if (step === 0 && this.running) await this.attend(learner);
      if (enrollmentId === undefined) continue;
      for (let report = 0; report < course.reports && this.running; report += 1) {
        await this.report(learner, enrollmentId, course.lessonId, report);
        if (report % 4 === 3 && this.running) await this.browse(index + report);
      }
    }
    await this.browseUntilDone(index);
  }

  private async enroll(learner: Learner, courseId: string): Promise<string | undefined> {
    const answer = await this.send('enroll', () =>
      this.client.post(`/api/v1/courses/${courseId}/enrollments`, {}, learner.token),
    );
    if (answer?.status !== 201) return undefined;
    const { id } = JSON.parse(answer.text) as { id: string };
    this.acknowledged.enrollments.set(`${learner.userId}:${courseId}`, id);
    return id;
  }

  /** Enrolls in the television course, enters a wrong code, then the one on screen. */
  private async attend(learner: Learner): Promise<void> {
    const { airing } = this.plan;
    if ((await this.enroll(learner, airing.courseId)) === undefined) return;
    const path = `/api/v1/broadcasts/${airing.broadcastId}/attendance`;
    const wrong = airing.code === '000000' ? '111111' : '000000';
    await this.send('attendance-wrong', () =>
      this.client.post(path, { code: wrong }, learner.token),
    );
    const answer = await this.send('attendance', () =>
      this.client.post(path, { code: airing.code }, learner.token),
    );
    if (answer?.status === 201) this.acknowledged.attendances.add(learner.userId);
  }

  private async report(
    learner: Learner,
    enrollmentId: string,
    lessonId: string,
    report: number,
  ): Promise<void> {
    const body = {
      segments: [[report * SEGMENT, (report + 1) * SEGMENT]],
      positionSeconds: (report + 1) * SEGMENT,
    };
    const answer = await this.send('progress', () =>
      this.client.post(
        `/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/progress`,
        body,
        learner.token,
      ),
    );
    if (answer?.status !== 200) return;
    const { watchedSeconds } = JSON.parse(answer.text) as { watchedSeconds: number };
    const key = `${enrollmentId}:${lessonId}`;
    const seen = this.acknowledged.progress.get(key);
    this.acknowledged.progress.set(key, { reports: (seen?.reports ?? 0) + 1, watchedSeconds });
  }

  private async browse(turn: number): Promise<void> {
    const { videoCourses } = this.plan;
    const course = videoCourses[turn % videoCourses.length]!;
    const path =
      turn % 3 === 0
        ? `/api/v1/courses/${course.courseId}`
        : `/api/v1/courses?pageSize=20&page=${(turn % 2) + 1}`;
    await this.send('browse', () => this.client.get(path));
  }

  private async browseUntilDone(turn: number): Promise<void> {
    for (let next = turn; this.running; next += 1) await this.browse(next);
  }

  /** One upload after another, multipart, through the load balancer like everything else. */
  private async upload(): Promise<void> {
    const { token, lessonIds, file } = this.plan.uploads;
    const bytes = await readFile(file);
    for (const lessonId of lessonIds) {
      if (!this.running) return;
      const answer = await this.send('upload', async () => {
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'video/mp4' }), 'bai-giang.mp4');
        const response = await fetch(`${this.plan.base}/api/v1/lessons/${lessonId}/video`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
        return {
          status: response.status,
          text: await response.text(),
          headers: { 'x-upstream': response.headers.get('x-upstream') ?? '' },
        };
      });
      if (answer?.status === 202)
        this.acknowledged.videos.push((JSON.parse(answer.text) as { videoId: string }).videoId);
    }
  }

  /** Sends one request and records its answer (or the transport error in its place). */
  private async send(
    operation: Operation,
    request: () => Promise<LoadAnswer>,
  ): Promise<LoadAnswer | undefined> {
    const at = Date.now();
    try {
      const answer = await request();
      const upstream = answer.headers['x-upstream'];
      this.answers.push({
        operation,
        status: answer.status,
        upstream: typeof upstream === 'string' ? upstream : '',
        ms: Date.now() - at,
        at,
      });
      return answer;
    } catch (error) {
      this.answers.push({
        operation,
        status: 0,
        upstream: '',
        error: error instanceof Error ? error.message : String(error),
        ms: Date.now() - at,
        at,
      });
      return undefined;
    }
  }
}
