import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/config';

/**
 * BullMQ connection options from REDIS_URL. Producers fail fast while Redis is away
 * (the outbox keeps the work); workers wait for it to come back.
 */
export function redisConnectionOptions(
  config: AppConfig,
  role: 'producer' | 'worker' = 'producer',
): ConnectionOptions {
  const url = new URL(config.redis.url);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
  };
}
