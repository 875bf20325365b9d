import { ClockModule, ConfigModule, newId } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import { IdentityModule } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/credentials/password-hasher.service';
import { CredentialsService } from '../src/credentials/credentials.service';
import { testConfig } from '../../../test/setup/test-env';

let context: INestApplicationContext;
let dataSource: DataSource;

beforeAll(async () => {
  context = await NestFactory.createApplicationContext(
    {
      module: class IdentityOnly {},
      imports: [ConfigModule.forRoot(testConfig()), ClockModule, DatabaseModule, IdentityModule],
    },
    { logger: false },
  );
  dataSource = context.get(DataSource);
});

afterAll(() => context.close());

/** An account as an earlier version stored it: email only trimmed and lower-cased. */
async function storedAccount(email: string, password: string): Promise<string> {
  const id = newId();
  await dataSource.query(
    'INSERT INTO `users` (`id`, `email`, `password_hash`, `full_name`) VALUES (?, ?, ?, ?)',
    [id, email, await context.get(PasswordHasher).hash(password), 'Trước Đây'],
  );
  return id;
}

const emailOf = async (id: string): Promise<string> =>
  (
    await dataSource.query<{ email: string }[]>('SELECT `email` FROM `users` WHERE `id` = ?', [id])
  )[0]!.email;

describe('canonical emails migration', () => {
  it('rewrites stored variants so their owners still sign in, leaving look-alikes of others', async () => {
    const softHyphen = await storedAccount('hoa\u00ADng@example.vn', 'Hoang-password-1');
    const filler = await storedAccount('tuan\u3164@example.vn', 'Tuan-password-1');
    const original = await storedAccount('owner@example.vn', 'Owner-password-1');
    const lookAlike = await storedAccount('own\u00ADer@example.vn', 'Thief-password-1');
    const credentials = context.get(CredentialsService);
    expect(await credentials.verify('hoa\u00ADng@example.vn', 'Hoang-password-1')).toBeNull();

    const migration = dataSource.migrations.find(
      (candidate) => candidate.name === 'CanonicalEmails1765100000000',
    );
    await migration!.up(dataSource.createQueryRunner());

    expect(await emailOf(softHyphen)).toBe('hoang@example.vn');
    expect(await emailOf(filler)).toBe('tuan@example.vn');
    expect(await credentials.verify('hoang@example.vn', 'Hoang-password-1')).toBe(softHyphen);
    expect(await credentials.verify('hoa\u00ADng@example.vn', 'Hoang-password-1')).toBe(softHyphen);
    expect(await emailOf(original)).toBe('owner@example.vn');
    expect(await emailOf(lookAlike)).toBe('own\u00ADer@example.vn');
    expect(await credentials.verify('own\u00ADer@example.vn', 'Thief-password-1')).toBeNull();
    expect(await credentials.verify('owner@example.vn', 'Owner-password-1')).toBe(original);
  });
});
