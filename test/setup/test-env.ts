import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, configFrom } from '@lifelong/common';

/** Each jest worker owns one database and one queue prefix, so files never see each other's data. */
export function testDatabaseName(workerId = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${process.env.TEST_DB_PREFIX ?? 'lifelong_test'}_${workerId}`;
}

/**
 * Where a jest worker's email goes as .eml files when a test sends mail without an SMTP server:
 * a temporary folder, never the checkout's var/mail that `npm start` uses.
 */
export function testMailDir(workerId = process.env.JEST_WORKER_ID ?? '1'): string {
  return join(tmpdir(), `${testDatabaseName(workerId)}-mail`);
}

/**
 * The settings every test process runs with, and the only ones: every other setting is at its
 * default, whatever the machine's .env or shell environment says (see testConfig).
 */
export function testEnvironment(workerId?: string): Record<string, string> {
  const base = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
  return {
    NODE_ENV: 'test',
    DATABASE_URL: `${base.replace(/\/[^/@]*$/, '').replace(/\/$/, '')}/${testDatabaseName(workerId)}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.TEST_DB_PREFIX ?? 'lifelong_test'}_${workerId ?? process.env.JEST_WORKER_ID ?? '1'}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ADMIN_EMAIL: 'admin@lifelong.test',
    ADMIN_PASSWORD: 'admin-password-123',
    // Tests register many people from loopback; the registration limit has its own test.
    REGISTER_MAX_PER_IP: '100000',
    LOG_LEVEL: 'silent',
    SWAGGER_ENABLED: 'true',
    MAIL_DIR: testMailDir(workerId),
    // Api apps in tests often run on a clock fixed in the past while workers read the real one:
    // the hourly purge would take their fresh sessions and links for long spent. Its test sets
    // its own retention.
    SESSION_RETENTION_DAYS: '36500',
    ACCOUNT_TOKEN_RETENTION_DAYS: '36500',
  };
}

/**
 * The config a test runs with: the test settings plus `overrides`, every other setting at its
 * default. Neither a developer's .env nor their shell's variables are read, so a test sees the
 * same settings on every machine.
 */
export function testConfig(overrides: Record<string, string> = {}, workerId?: string): AppConfig {
  return configFrom({ ...testEnvironment(workerId), ...overrides });
}

/**
 * A test's overrides as handed to a child process (ApiProcess, WorkerProcess), which reads them
 * back with `childTestConfig`: the child sees the test settings plus these, like testConfig.
 */
export const CHILD_OVERRIDES = 'LIFELONG_TEST_OVERRIDES';

export function childTestConfig(): AppConfig {
  return testConfig(JSON.parse(process.env[CHILD_OVERRIDES] ?? '{}') as Record<string, string>);
}
