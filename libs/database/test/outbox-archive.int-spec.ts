import { ManualClock } from '@lifelong/common';
import { dataSourceOptions, detectFlavor, OutboxArchive } from '@lifelong/database';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';

const DAY_MS = 86_400_000;
const config = testConfig({ OUTBOX_ARCHIVE_AFTER_DAYS: '30' });
const clock = new ManualClock('2026-03-01T00:00:00.000Z');
let dataSource: DataSource;

const daysAgo = (days: number): Date => new Date(clock.now().getTime() - days * DAY_MS);

/** An outbox row as the relay leaves it: `relayedDaysAgo` null for one still pending. */
async function event(relayedDaysAgo: number | null, importId: string): Promise<string> {
  const dispatched = relayedDaysAgo === null ? null : daysAgo(relayedDaysAgo);
  await dataSource.query(
    'INSERT INTO outbox_events (type, payload, request_id, created_at, dispatched_at, attempts, last_error) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
    [
      'organizations.staff-import-requested',
      JSON.stringify({ importId }),
      `req-${importId}`,
      daysAgo((relayedDaysAgo ?? 90) + 1),
      dispatched,
      dispatched ? 1 : 4,
      dispatched ? null : 'Redis did not answer within 5000 ms',
    ],
  );
  const [row] = await dataSource.query<{ id: string }[]>('SELECT LAST_INSERT_ID() AS id');
  return String(row!.id);
}

const idsIn = async (table: string): Promise<string[]> =>
  (await dataSource.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id`)).map((row) =>
    String(row.id),
  );

beforeAll(async () => {
  Logger.overrideLogger(false);
  dataSource = new DataSource(dataSourceOptions(config, { flavor: await detectFlavor(config) }));
  await dataSource.initialize();
});

beforeEach(async () => {
  await dataSource.query('DELETE FROM outbox_events');
  await dataSource.query('DELETE FROM outbox_events_archive');
});

afterAll(async () => {
  await dataSource.destroy();
});

describe('outbox.archive-events', () => {
  it('moves events relayed over 30 days ago to the archive, whole, in batches, and keeps the rest', async () => {
    const old = [];
    for (let n = 0; n < 5; n += 1) old.push(await event(31 + n, `old-${n}`));
    const recent = await event(29, 'recent');
    // Never relayed (Redis was away), and older than all of them: it must stay to be delivered.
    const pending = await event(null, 'pending');

    const archive = new OutboxArchive(dataSource, config, clock);
    expect(await archive.archiveRelayed(2)).toEqual({ archived: 5 });
    expect(await idsIn('outbox_events')).toEqual([recent, pending]);
    expect(await idsIn('outbox_events_archive')).toEqual(old);
    const [kept] = await dataSource.query<Record<string, unknown>[]>(
      'SELECT type, payload, request_id AS requestId, created_at AS createdAt, ' +
        'dispatched_at AS dispatchedAt, attempts, archived_at AS archivedAt ' +
        'FROM outbox_events_archive WHERE id = ?',
      [old[0]],
    );
    const payload = kept!.payload;
    expect(typeof payload === 'string' ? JSON.parse(payload) : payload).toEqual({
      importId: 'old-0',
    });
    expect(kept).toMatchObject({
      type: 'organizations.staff-import-requested',
      requestId: 'req-old-0',
      createdAt: daysAgo(32),
      dispatchedAt: daysAgo(31),
      attempts: 1,
      archivedAt: clock.now(),
    });

    // Run again: nothing more to move. Two days on, the recent one goes; the pending never.
    expect(await archive.archiveRelayed(2)).toEqual({ archived: 0 });
    clock.advance(2 * DAY_MS);
    expect(await archive.archiveRelayed(2)).toEqual({ archived: 1 });
    expect(await idsIn('outbox_events')).toEqual([pending]);
  });

  it('moves each event once when two passes race', async () => {
    const old = [];
    for (let n = 0; n < 9; n += 1) old.push(await event(40, `race-${n}`));
    const archive = new OutboxArchive(dataSource, config, clock);

    const results = await Promise.all([archive.archiveRelayed(2), archive.archiveRelayed(2)]);
    expect(results[0].archived + results[1].archived).toBe(9);
    expect(await idsIn('outbox_events')).toEqual([]);
    expect(await idsIn('outbox_events_archive')).toEqual(old);
  });
});
