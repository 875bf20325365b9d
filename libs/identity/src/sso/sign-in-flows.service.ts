import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '@lifelong/common';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { SsoFailure } from './sso-failure';

/** What the start of a sign-in leaves for its callback; never sent to the browser. */
export interface SignInFlow {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** A sign-in not finished within this many seconds must start again. */
export const SIGN_IN_FLOW_TTL_SECONDS = 600;

const keyOf = (prefix: string, flowId: string): string =>
  `${prefix}:sso-flow:${createHash('sha256').update(flowId).digest('hex')}`;

/**
 * Sign-ins in progress, in Redis so any api instance can finish what another started. Each is
 * found by a random id the browser holds in a cookie (stored under its SHA-256 only) and can be
 * taken once: a replayed callback finds nothing.
 */
@Injectable()
export class SignInFlows implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(private readonly config: AppConfig) {
    this.redis = new Redis(config.redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      disconnectTimeout: 200,
    });
    this.redis.on('error', () => undefined); // the readiness probe owns Redis health
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Stores the flow; returns the id the browser keeps until the provider sends it back. */
  async begin(flow: SignInFlow): Promise<string> {
    const flowId = randomBytes(32).toString('base64url');
    await this.guard(
      this.redis.set(
        keyOf(this.config.queues.prefix, flowId),
        JSON.stringify(flow),
        'EX',
        SIGN_IN_FLOW_TTL_SECONDS,
      ),
    );
    return flowId;
  }

  /** The flow, removed in the same step (single use); null when unknown, expired or taken. */
  async take(flowId: string): Promise<SignInFlow | null> {
    const stored = await this.guard(this.redis.getdel(keyOf(this.config.queues.prefix, flowId)));
    return stored === null ? null : (JSON.parse(stored) as SignInFlow);
  }

  private async guard<T>(command: Promise<T>): Promise<T> {
    try {
      return await command;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SsoFailure('unavailable', `the sign-in store (Redis) failed: ${message}`);
    }
  }
}
