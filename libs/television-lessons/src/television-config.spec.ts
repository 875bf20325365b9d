import { buildConfig, ConfigError, validateEnvironment } from '@lifelong/common';

const REQUIRED = {
  JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
  ADMIN_PASSWORD: 'admin-password-123',
};

describe('television settings', () => {
  it('default to Hà Nội time, a 30-minute grace and lead, and 5 wrong codes per 10 minutes', () => {
    expect(buildConfig(validateEnvironment(REQUIRED)).television).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      attendanceGraceMinutes: 30,
      reminderLeadMinutes: 30,
      codeGuesses: { maxWrong: 5, windowSeconds: 600 },
    });
  });

  it('refuse a time zone that does not exist', () => {
    expect(() =>
      buildConfig(validateEnvironment({ ...REQUIRED, TV_TIME_ZONE: 'Asia/Hanoi_City' })),
    ).toThrow(ConfigError);
  });
});
