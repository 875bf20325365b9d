import { ClockModule, ConfigModule } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import {
  AccessTokenService,
  AdministratorBootstrap,
  IdentityModule,
  UserAccounts,
} from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CredentialsService } from '../src/credentials/credentials.service';
import { testConfig } from '../../../test/setup/test-env';

const config = testConfig();
let context: INestApplicationContext;

beforeAll(async () => {
  // The same modules the worker and the migrate command load: no HTTP, no scope trees.
  context = await NestFactory.createApplicationContext(
    {
      module: class IdentityOnly {},
      imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, IdentityModule],
    },
    { logger: false },
  );
});

afterAll(async () => {
  await context.close();
});

const rolesOf = async (userId: string): Promise<string[]> =>
  (
    await context
      .get(DataSource)
      .query<{ role: string }[]>('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role', [
        userId,
      ])
  ).map(({ role }) => role);

describe('accounts made by the platform', () => {
  it('creates an account once, even when two runs race', async () => {
    const accounts = context.get(UserAccounts);
    const wanted = {
      email: ' Twin@Example.VN',
      fullName: 'Phạm Văn Đức',
      password: 'Twin-password-1',
    };
    const [a, b] = await Promise.all([accounts.ensureUser(wanted), accounts.ensureUser(wanted)]);
    expect(a.userId).toBe(b.userId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await accounts.ensureUser(wanted)).toEqual({ userId: a.userId, created: false });
    expect(await rolesOf(a.userId)).toEqual(['learner']);
    expect(await context.get(CredentialsService).verify('twin@example.vn', 'Twin-password-1')).toBe(
      a.userId,
    );
  });

  it('creates accounts without a password that cannot sign in', async () => {
    const { userId } = await context
      .get(UserAccounts)
      .ensureUser({ email: 'staff@example.vn', fullName: 'Staff' });
    expect(userId).toEqual(expect.any(String));
    expect(await context.get(CredentialsService).verify('staff@example.vn', '')).toBeNull();
    expect(
      await context.get(CredentialsService).verify('staff@example.vn', 'anything-at-all'),
    ).toBeNull();
  });

  it('never grants administrator to an existing account that holds ADMIN_EMAIL', async () => {
    // Someone registered (or was given by an import) the address before `npm run migrate` ran.
    const { userId } = await context
      .get(UserAccounts)
      .ensureUser({ email: 'boss@example.vn', fullName: 'Boss', password: 'Original-pass-1' });
    const bootstrap = context.get(AdministratorBootstrap);
    expect(await bootstrap.ensureAdministrator('BOSS@example.vn', 'Other-password-2')).toBe(
      'email taken',
    );
    expect(await rolesOf(userId)).toEqual(['learner']);
    expect(await context.get(CredentialsService).verify('boss@example.vn', 'Original-pass-1')).toBe(
      userId,
    );
    expect(
      await context.get(CredentialsService).verify('boss@example.vn', 'Other-password-2'),
    ).toBe(null);
  });

  it('creates the first administrator once; later runs grant nothing to anyone', async () => {
    const bootstrap = context.get(AdministratorBootstrap);
    expect(
      await bootstrap.ensureAdministrator('first.admin@example.vn', 'First-admin-pass-1'),
    ).toBe('created');
    const admin = await context
      .get(CredentialsService)
      .verify('first.admin@example.vn', 'First-admin-pass-1');
    expect(await rolesOf(admin!)).toEqual(['admin', 'learner']);
    expect(
      await bootstrap.ensureAdministrator('first.admin@example.vn', 'First-admin-pass-1'),
    ).toBe('already present');
    // ADMIN_EMAIL changed to an address someone else holds: still nothing granted.
    const { userId } = await context.get(UserAccounts).ensureUser({
      email: 'squatter@example.vn',
      fullName: 'Squatter',
      password: 'Squatter-pass-1',
    });
    expect(await bootstrap.ensureAdministrator('squatter@example.vn', 'Whatever-pass-1')).toBe(
      'already present',
    );
    expect(await rolesOf(userId)).toEqual(['learner']);
  });

  it('verifies access tokens for callers outside Nest routes (Bull Board)', async () => {
    const { userId } = await context
      .get(UserAccounts)
      .ensureUser({ email: 'board@example.vn', fullName: 'Board', password: 'Board-password-1' });
    const tokens = context.get(AccessTokenService);
    const principal = await tokens.verify(await tokens.issue(userId));
    expect(principal).toEqual({
      userId,
      email: 'board@example.vn',
      roles: [{ role: 'learner', scopeType: null, scopeId: null }],
    });
    await expect(tokens.verify('not-a-token')).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
