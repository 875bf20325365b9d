import type { AppConfig } from '@lifelong/common';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';

/** A service the process needs that did not answer, described without any secret. */
export interface UnreachableService {
  service: 'MySQL' | 'Redis';
  /** `host:port` from config (never the URL: it may hold a password). */
  address: string;
  reason: string;
  /** The setting that points at it. */
  setting: 'DATABASE_URL' | 'REDIS_URL';
}

const PROBE_TIMEOUT_MS = 3_000;
/** How to get MySQL and Redis running locally (the compose file in docker/). */
export const START_SERVICES_HINT = 'docker compose -f docker/compose.yml up -d mysql redis';

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
    case 'ER_ACCESS_DENIED_ERROR':
      return 'it refused the user or password in DATABASE_URL';
    default:
      return typeof code === 'string' ? code : 'it did not answer';
  }
}

async function probeMysql(config: AppConfig): Promise<UnreachableService | undefined> {
  const { host, port, user, password } = config.database;
  try {
    const connection = await createConnection({
      host,
      port,
      user,
      password,
      connectTimeout: PROBE_TIMEOUT_MS,
    });
    await connection.end();
    return undefined;
  } catch (error) {
    const address = `${host}:${port}`;
    return { service: 'MySQL', address, reason: reasonOf(error), setting: 'DATABASE_URL' };
  }
}

async function probeRedis(config: AppConfig): Promise<UnreachableService | undefined> {
  const redis = new Redis(config.redis.url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    disconnectTimeout: 100,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The cause (ECONNREFUSED, …) arrives as an 'error' event; connect() only says "closed".
  let cause: unknown;
  redis.on('error', (error) => (cause = error));
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (failure) {
    const error = cause ?? failure;
    const reason = /NOAUTH|WRONGPASS/.test(String(error))
      ? 'it refused the credentials in REDIS_URL'
      : reasonOf(error);
    const address = `${config.redis.host}:${config.redis.port}`;
    return { service: 'Redis', address, reason, setting: 'REDIS_URL' };
  } finally {
    redis.disconnect();
  }
}

/**
 * Checks that MySQL and Redis answer at the configured addresses. Returns what did not answer
 * (empty when both did). Used by api and worker at start, and by the start script.
 */
export async function probeServices(config: AppConfig): Promise<UnreachableService[]> {
  const results = await Promise.all([probeMysql(config), probeRedis(config)]);
  return results.filter((result): result is UnreachableService => result !== undefined);
}

/** A message a person can act on: which service, where, and how to get one running. */
export function describeUnreachable(services: readonly UnreachableService[]): string {
  const lines = services.map(
    ({ service, address, reason, setting }) =>
      `  - ${service} at ${address} (${setting}): ${reason}.`,
  );
  return [
    'Lifelong cannot start: a service it needs does not answer.',
    ...lines,
    `Start local ones with: ${START_SERVICES_HINT}`,
    'or point the setting at a running server (see .env.example).',
  ].join('\n');
}
