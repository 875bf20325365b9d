import { exitWithStartupFailure, StartupError } from './startup-error';

describe('exitWithStartupFailure', () => {
  let written: string;

  beforeEach(() => {
    written = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written += String(chunk);
      return true;
    });
    jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
  });

  afterEach(() => jest.restoreAllMocks());

  it('prints a StartupError as it is, without a stack, and exits 1', () => {
    exitWithStartupFailure(
      new StartupError('Redis at 127.0.0.1:6379 (REDIS_URL): connection refused.'),
    );
    expect(written).toBe('Redis at 127.0.0.1:6379 (REDIS_URL): connection refused.\n');
    expect(process.exit).toHaveBeenCalledWith(1);
  });

  it('prints anything unexpected with its stack', () => {
    exitWithStartupFailure(new TypeError('boom'));
    expect(written).toMatch(/TypeError: boom\n\s+at /);
    expect(process.exit).toHaveBeenCalledWith(1);
  });
});
