import { Writable } from 'node:stream';
import pino from 'pino';
import type { AppConfig } from '../config/config';
import { runWithRequestId } from '../request-context/request-context';
import { logOptions, redactUrl, requestLogLine } from './log-options';

const config = { log: { level: 'info' } } as AppConfig;
const answered = {
  requestId: 'req-7',
  method: 'GET',
  url: '/api/v1/courses',
  ip: '203.0.113.9',
  statusCode: 200,
  responseTime: 4.2,
};

function capture(): { lines: Record<string, unknown>[]; raw: string[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, raw, stream };
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
    const line = requestLogLine({ ...answered, url: '/feed?token=abc&x=1' });
    expect(line?.fields.req).toEqual({
      method: 'GET',
      url: '/feed?token=[redacted]&x=1',
      remoteAddress: '203.0.113.9',
    });
  });

  it('logs one line per answered request, louder for refusals and failures, none for probes', () => {
    expect(requestLogLine(answered)).toEqual({
      level: 'info',
      fields: {
        requestId: 'req-7',
        req: { method: 'GET', url: '/api/v1/courses', remoteAddress: '203.0.113.9' },
        res: { statusCode: 200 },
        responseTime: 4,
      },
    });
    expect(requestLogLine({ ...answered, statusCode: 404 })?.level).toBe('warn');
    expect(requestLogLine({ ...answered, statusCode: 503 })?.level).toBe('error');
    expect(requestLogLine({ ...answered, url: '/health' })).toBeNull();
    expect(requestLogLine({ ...answered, url: '/metrics?x=1' })).toBeNull();
  });

  it('keeps the request id a line names itself, without a second copy from the context', () => {
    const { raw, stream } = capture();
    const logger = pino(logOptions(config, 'api'), stream);
    runWithRequestId('req-ctx', () => logger.info({ requestId: 'req-own' }, 'request completed'));
    expect(raw[0]).toContain('"requestId":"req-own"');
    expect(raw[0]).not.toContain('req-ctx');
  });
});
