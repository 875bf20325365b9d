import { IdentityError } from '@lifelong/identity';
import { Logger } from '@nestjs/common';
import { LoginThrottle } from '../src/auth/login-throttle.service';
import { testConfig } from '../../../test/setup/test-env';

const config = testConfig({ LOGIN_MAX_PER_ACCOUNT: '2', LOGIN_MAX_PER_IP: '100' });

async function refusal(throttle: LoginThrottle, ip: string, email: string): Promise<unknown> {
  return throttle.attempt(ip, email).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('login throttle', () => {
  const throttles: LoginThrottle[] = [];
  const start = async (overrides: Record<string, string> = {}): Promise<LoginThrottle> => {
    const throttle = new LoginThrottle(testConfig({ ...overrides, LOGIN_MAX_PER_ACCOUNT: '2' }));
    await throttle.onModuleInit();
    throttles.push(throttle);
    return throttle;
  };

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => Promise.all(throttles.map((throttle) => throttle.onModuleDestroy())));

  it('shares the counts between api instances through Redis', async () => {
    const [first, second] = [await start(), await start()];
    await first.attempt('10.1.0.1', 'shared@example.vn');
    await second.attempt('10.1.0.2', 'shared@example.vn');
    const error = await refusal(first, '10.1.0.3', 'SHARED@example.vn');
    expect(error).toBeInstanceOf(IdentityError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect((error as IdentityError).details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('keeps limiting in memory while Redis is unreachable', async () => {
    const offline = await start({ REDIS_URL: 'redis://127.0.0.1:1' });
    await offline.attempt('10.1.1.1', 'offline@example.vn');
    await offline.attempt('10.1.1.1', 'offline@example.vn');
    expect(await refusal(offline, '10.1.1.1', 'offline@example.vn')).toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('keeps no email in Redis keys', async () => {
    expect(config.queues.prefix).toBeTruthy();
    const throttle = await start();
    await throttle.attempt('10.1.2.1', 'private.person@example.vn');
    const redis = (throttle as unknown as { redis: import('ioredis').Redis }).redis;
    const keys = await redis.keys(`${config.queues.prefix}:ratelimit:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('private.person');
  });
});
