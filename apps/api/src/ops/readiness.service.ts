import { AppConfig, withTimeout } from '@lifelong/common';
import { pendingMigrations } from '@lifelong/database';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

export type CheckName = 'database' | 'redis' | 'migrations';
export type Checks = Record<CheckName, string>;

const CHECK_TIMEOUT_MS = 1_000;
const OK = 'ok';

/** Whether this api instance can serve: the database answers, Redis answers, schema current. */
@Injectable()
export class Readiness implements OnModuleDestroy {
  /**
   * Its own connection, failing fast: BullMQ's would wait for Redis to come back, and a probe
   * must answer "down" instead.
   */
  private readonly redisClient: Redis;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.redisClient = new Redis(config.redis.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
      retryStrategy: () => null,
    });
    this.redisClient.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.redisClient.disconnect();
  }

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
    const ping = async (): Promise<void> => {
      // After a failure the client stays closed (no retry loop): reconnect on the next probe.
      if (this.redisClient.status === 'wait' || this.redisClient.status === 'end')
        await this.redisClient.connect();
      await this.redisClient.ping();
    };
    return withTimeout(ping(), CHECK_TIMEOUT_MS, 'no answer').then(() => OK, describe);
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
