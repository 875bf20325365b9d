import { randomBytes } from 'node:crypto';
import { ManualClock, newId } from '@lifelong/common';
import { deleteInBatches } from '@lifelong/database';
import { IdentityError, IdentityWorkerModule, UserAccounts } from '@lifelong/identity';
import { Logger } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { PurgeSpentTokensJob } from '../src/housekeeping/purge-spent-tokens.job';
import { SessionsService } from '../src/sessions/sessions.service';
import { servicesModule } from '../../../test/support/services-module';
import { testConfig } from '../../../test/setup/test-env';

const DAY_MS = 86_400_000;
const config = testConfig({ SESSION_RETENTION_DAYS: '30', ACCOUNT_TOKEN_RETENTION_DAYS: '7' });
const clock = new ManualClock('2026-01-05T08:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;

const ids = async (table: string): Promise<string[]> =>
  (await dataSource.query<{ id: string }[]>(`SELECT id FROM \`${table}\` ORDER BY id`)).map(
    (row) => row.id,
  );

/** An account link as issuing one writes it, with its moments `days` from now (clock). */
async function accountLink(
  userId: string,
  days: { created: number; expires: number; used?: number; revoked?: number },
): Promise<string> {
  const at = (offset?: number): Date | null =>
    offset === undefined ? null : new Date(clock.now().getTime() + offset * DAY_MS);
  const id = newId();
  await dataSource.query(
    'INSERT INTO account_tokens (id, user_id, purpose, token_hash, created_at, expires_at, used_at, revoked_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      id,
      userId,
      'invitation',
      randomBytes(32).toString('hex'),
      at(days.created),
      at(days.expires),
      at(days.used),
      at(days.revoked),
    ],
  );
  return id;
}

beforeAll(async () => {
  Logger.overrideLogger(false);
  moduleRef = await servicesModule(config, clock, [IdentityWorkerModule]);
  dataSource = moduleRef.get(DataSource);
});

afterAll(async () => {
  await moduleRef.close();
});

describe('identity.purge-spent-tokens', () => {
  it('purges sessions and refresh tokens 30 days after they ended or expired, and keeps live ones working', async () => {
    const sessions = moduleRef.get(SessionsService);
    const purge = moduleRef.get(PurgeSpentTokensJob);
    const { userId } = await moduleRef
      .get(UserAccounts)
      .ensureUser({ email: 'sessions@example.vn', fullName: 'Trần Thị Bình' });

    const live = await sessions.open(userId, 'phone');
    const loggedOut = await sessions.open(userId, 'library computer');
    await sessions.logout(userId, loggedOut.refreshToken);
    const abandoned = await sessions.open(userId, 'old laptop');
    clock.advance(25 * DAY_MS);
    const spentLongAgo = live.refreshToken;
    const second = await sessions.refresh(spentLongAgo);
    clock.advance(25 * DAY_MS);
    const spentRecently = second.refreshToken;
    const current = await sessions.refresh(spentRecently);
    clock.advance(11 * DAY_MS);

    // 61 days on: the logged-out and abandoned sessions ended or expired over 30 days ago, and
    // the first spent token of the live one expired 31 days ago.
    expect(await ids('sessions')).toHaveLength(3);
    expect(await ids('refresh_tokens')).toHaveLength(5);
    expect(await purge.run()).toEqual({ sessions: 2, refreshTokens: 3, accountTokens: 0 });
    expect(await ids('sessions')).toEqual([liveSessionId(live.accessToken)]);
    expect(await ids('refresh_tokens')).toHaveLength(2);
    expect(await purge.run()).toEqual({ sessions: 0, refreshTokens: 0, accountTokens: 0 });

    // The live session still refreshes, and a replay of its recent spent token still ends it.
    const next = await sessions.refresh(current.refreshToken);
    await expect(sessions.refresh(spentRecently)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_REUSED',
    });
    await expect(sessions.refresh(next.refreshToken)).rejects.toBeInstanceOf(IdentityError);
    // Purged tokens are simply unknown.
    await expect(sessions.refresh(abandoned.refreshToken)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_INVALID',
    });
  });

  it('purges account links 7 days after they expired, were used or were revoked', async () => {
    const { userId } = await moduleRef
      .get(UserAccounts)
      .ensureUser({ email: 'links@example.vn', fullName: 'Lê Văn Cường' });
    const expiredLongAgo = await accountLink(userId, { created: -15, expires: -8 });
    const usedLongAgo = await accountLink(userId, { created: -9, expires: -2, used: -8 });
    const revokedLongAgo = await accountLink(userId, { created: -10, expires: 1, revoked: -8 });
    const expiredRecently = await accountLink(userId, { created: -10, expires: -3 });
    const usedRecently = await accountLink(userId, { created: -2, expires: 5, used: -1 });
    const live = await accountLink(userId, { created: -1, expires: 6 });
    const before = await ids('account_tokens');
    expect(before).toEqual(
      expect.arrayContaining([expiredLongAgo, usedLongAgo, revokedLongAgo, live]),
    );

    const outcome = await moduleRef.get(PurgeSpentTokensJob).run();
    expect(outcome.accountTokens).toBe(3);
    expect(await ids('account_tokens')).toEqual([expiredRecently, usedRecently, live].sort());
  });

  it('deletes in batches until nothing stale is left, and leaves rows that are not', async () => {
    const { userId } = await moduleRef
      .get(UserAccounts)
      .ensureUser({ email: 'batches@example.vn', fullName: 'Phạm Thị Dung' });
    await dataSource.query('DELETE FROM account_tokens');
    for (let n = 0; n < 5; n += 1) await accountLink(userId, { created: -20, expires: -10 });
    const kept = await accountLink(userId, { created: -1, expires: 6 });
    const cutoff = new Date(clock.now().getTime() - 7 * DAY_MS);

    expect(
      await deleteInBatches(
        dataSource,
        { table: 'account_tokens', column: 'expires_at', cutoff },
        2,
      ),
    ).toBe(5);
    expect(await ids('account_tokens')).toEqual([kept]);
  });
});

/** The session id (`sid`) an access token names. */
function liveSessionId(accessToken: string): string {
  const [, claims] = accessToken.split('.');
  return (JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { sid: string }).sid;
}
