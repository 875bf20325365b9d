import { ClockModule, ConfigModule } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import { IdentityModule, UserAccounts } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PasswordRecovery } from '../src/accounts/password-recovery.service';
import { eventually } from '../../../test/support/e2e';
import { testConfig } from '../../../test/setup/test-env';

const config = testConfig();
let context: INestApplicationContext;

beforeAll(async () => {
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

// People registered together have neighbouring ids, so their reset links fall in the same gap of
// the tokens' index: requests handled at the same moment once deadlocked, and a link was lost
// without a word (the answer had already gone out).
it('issues a reset link to each of many people asking at the same moment', async () => {
  const accounts = context.get(UserAccounts);
  const people: { userId: string }[] = [];
  for (let index = 0; index < 16; index += 1)
    people.push(
      await accounts.ensureUser({
        email: `burst-${index}@example.vn`,
        fullName: `Người thứ ${index}`,
        password: 'Burst-password-1',
      }),
    );
  const recovery = context.get(PasswordRecovery);
  for (const index of people.keys()) recovery.requestReset(`burst-${index}@example.vn`);
  const dataSource = context.get(DataSource);
  const issued = async () =>
    (
      await dataSource.query<{ n: string }[]>(
        `SELECT COUNT(DISTINCT user_id) AS n FROM account_tokens
          WHERE purpose = 'password_reset' AND revoked_at IS NULL AND user_id IN (?)`,
        [people.map((person) => person.userId)],
      )
    )[0]!.n;
  // Handled after the answer: wait until every request has run (or its failure was logged).
  await eventually('a link for every person', async () =>
    Number(await issued()) === people.length ? true : undefined,
  );
});
