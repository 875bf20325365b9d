import type { INestApplicationContext } from '@nestjs/common';
import { BroadcastScheduler, ChannelsService } from '@lifelong/television-lessons';
import { DataSource } from 'typeorm';
import { createTestWorker } from '../../../test/support/test-worker';
import { testConfig } from '../../../test/setup/test-env';
import { enrolledLearner, televisionWorld } from '../../../test/support/television';

// The whole path on the real clock: scheduling queues a delayed reminder, the worker runs it when
// due, its `broadcast.reminder` event goes through the outbox to notifications, and the learner
// finds it in their inbox.
describe('a broadcast reminder through the worker', () => {
  let worker: INestApplicationContext;

  // Time for a whole worker to start on a busy two-core machine.
  beforeAll(async () => {
    worker = await createTestWorker(testConfig({ OUTBOX_RELAY_INTERVAL_MS: '200' }));
  }, 60_000);

  afterAll(() => worker?.close());

  it('reaches the inbox of an enrolled learner when the delayed job fires', async () => {
    const dataSource = worker.get(DataSource);
    const world = await televisionWorld(worker);
    const learner = await enrolledLearner(worker, world.courseId);
    const channel = await worker.get(ChannelsService).create(world.admin.principal, {
      code: 'VTV7',
      name: 'VTV7 — Kênh Giáo dục Quốc gia',
      facilityId: world.facilityId,
    });
    // Reminders go out 30 minutes before air: this one is due in about a second.
    const startsAt = new Date(Date.now() + 30 * 60_000 + 1_000);
    const [broadcast] = await worker.get(BroadcastScheduler).create(world.instructor.principal, {
      channelId: channel.id,
      lessonId: world.tv1,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    });
    let inbox: { kind: string; data: unknown }[] = [];
    for (let tries = 0; tries < 100 && inbox.length === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      inbox = await dataSource.query(
        "SELECT kind, data FROM notifications WHERE user_id = ? AND kind = 'broadcast.reminder'",
        [learner.userId],
      );
    }
    expect(inbox.map((row) => row.kind)).toEqual(['broadcast.reminder']);
    const data = (
      typeof inbox[0]!.data === 'string' ? JSON.parse(inbox[0]!.data) : inbox[0]!.data
    ) as Record<string, string>;
    expect(data).toMatchObject({ broadcastId: broadcast!.id });
    const [row] = await dataSource.query<{ reminded_revision: number | null }[]>(
      'SELECT reminded_revision FROM broadcasts WHERE id = ?',
      [broadcast!.id],
    );
    expect(row!.reminded_revision).toBe(0);
  });
});
