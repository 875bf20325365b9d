import { JobQueue, QUEUE_NAMES } from '@lifelong/common';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { answered, apiClient } from './api-client';
import type { HttpClient } from './http-client';

/** An answer as the test clients return it (HttpClient, or the typed client of api-client.ts). */
export interface Answered<Body> {
  status: number;
  body: Body;
}

/**
 * The body of an answer that must come with `status`: any other status fails the test (or the
 * fixture step in a `beforeAll`) with the body shown, since it names what was refused.
 */
export async function expectStatus<Body>(
  answer: Promise<Answered<Body>> | Answered<Body>,
  status: number,
): Promise<Body> {
  const { status: actual, body } = await answer;
  expect([actual, body]).toEqual([status, expect.anything()]);
  return body;
}

export interface Patience {
  /** Milliseconds of pauses before giving up (probe time is not counted: a busy machine is slow). */
  timeout?: number;
  /** Milliseconds between probes. */
  interval?: number;
}

/**
 * What `probe` finds once it finds something (anything but `undefined`), asked again every
 * `interval` ms; fails naming `what` when it never does. A probe that throws (an `expect` that
 * something has not failed) ends the wait at once.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeout = 20_000, interval = 100 }: Patience = {},
): Promise<T> {
  for (let waited = 0; ; waited += interval) {
    const found = await probe();
    if (found !== undefined) return found;
    if (waited >= timeout) throw new Error(`${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Waits until the work an action started has all run: no outbox event waits for the relay and
 * no job waits or runs on any queue (delayed jobs, retries and schedules, are not waited for).
 * Then an assertion that something did *not* happen means it will not.
 */
export async function waitForQueues(
  app: INestApplicationContext,
  patience: Patience = {},
): Promise<void> {
  const dataSource = app.get(DataSource);
  const jobs = app.get(JobQueue);
  const outboxPending = async (): Promise<boolean> => {
    const [{ pending }] = await dataSource.query<[{ pending: string | number }]>(
      'SELECT COUNT(*) AS `pending` FROM `outbox_events` WHERE `dispatched_at` IS NULL',
    );
    return Number(pending) > 0;
  };
  await eventually(
    'the outbox and the queues emptying',
    async () => {
      // The outbox again after the queues: a job that ended meanwhile may have recorded an event.
      if (await outboxPending()) return undefined;
      for (const name of QUEUE_NAMES) {
        const counts = await jobs
          .queue(name)
          .getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        if (Object.values(counts).some((count) => count > 0)) return undefined;
      }
      return (await outboxPending()) ? undefined : true;
    },
    { interval: 50, ...patience },
  );
}

/** Signs in with a password and returns the access token. */
export async function signIn(http: HttpClient, email: string, password: string): Promise<string> {
  const session = await expectStatus(
    answered(apiClient(http.base).POST('/api/v1/auth/login', { body: { email, password } })),
    200,
  );
  return session.accessToken;
}
