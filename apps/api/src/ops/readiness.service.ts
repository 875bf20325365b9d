import { JobQueue, withTimeout } from '@lifelong/common';
import { pendingMigrations } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type CheckName = 'database' | 'redis' | 'migrations';
export type Checks = Record<CheckName, string>;

const CHECK_TIMEOUT_MS = 1_000;
const OK = 'ok';

/** Whether this api instance can serve: the database answers, Redis answers, schema current. */
@Injectable()
export class Readiness {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async check(): Promise<{ ready: boolean; checks: Checks }> {
    const [database, redis] = await Promise.all([this.database(), this.redis()]);
    const migrations = database === OK ? await this.migrations() : 'unknown: database down';
    const checks: Checks = { database, redis, migrations };
    return { ready: Object.values(checks).every((status) => status === OK), checks };
  }

  private async database(): Promise<string> {
    const answer = this.dataSource.query('SELECT 1');
    return withTimeout(answer, CHECK_TIMEOUT_MS, 'no answer').then(() => OK, describe);
  }

  private async redis(): Promise<string> {
    // BullMQ waits for Redis to return before any command; the timeout turns that into "down".
    const ping = this.jobs.queue('default').getJobCountByTypes('waiting');
    return withTimeout(ping, CHECK_TIMEOUT_MS, 'no answer').then(() => OK, describe);
  }

  private async migrations(): Promise<string> {
    return pendingMigrations(this.dataSource).then(
      (pending) => (pending.length === 0 ? OK : `${pending.length} pending: ${pending.join(', ')}`),
      describe,
    );
  }
}

function describe(error: unknown): string {
  return `down: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
}
