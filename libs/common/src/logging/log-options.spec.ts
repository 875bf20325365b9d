import { Writable } from 'node:stream';
import pino from 'pino';
import type { AppConfig } from '../config/config';
import { runWithRequestId } from '../request-context/request-context';
import { httpLogOptions, logOptions, redactUrl } from './log-options';

const config = { log: { level: 'info' } } as AppConfig;

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, stream };
}

describe('log options', () => {
  it('never writes passwords, tokens or auth headers, however deep', () => {
    const { lines, stream } = capture();
    const logger = pino(logOptions(config, 'api'), stream);
    logger.info(
      {
        password: 'hunter2-secret',
        body: { refreshToken: 'r-secret', user: { accessToken: 'a-secret', token: 't-secret' } },
        req: { headers: { authorization: 'Bearer b-secret', cookie: 'sid=c-secret', host: 'x' } },
      },
      'signed in',
    );
    const written = JSON.stringify(lines);
    for (const secret of ['hunter2', 'r-secret', 'a-secret', 't-secret', 'b-secret', 'c-secret']) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('"host":"x"');
  });

  it('carries the current request id into every line', () => {
    const { lines, stream } = capture();
    const logger = pino(logOptions(config, 'worker'), stream);
    runWithRequestId('req-42', () => logger.info('inside a job'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-42', process: 'worker', msg: 'inside a job' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('drops secret query values from logged URLs', () => {
    expect(redactUrl('/api/v1/me/schedule.ics?token=abc123&x=1')).toBe(
      '/api/v1/me/schedule.ics?token=[redacted]&x=1',
    );
    const serialize = httpLogOptions(config).serializers?.req as (req: object) => {
      url: string;
      query?: unknown;
    };
    const logged = serialize({ url: '/feed?token=abc', query: { token: 'abc' } });
    expect(logged).toEqual({ url: '/feed?token=[redacted]' });
  });
});
