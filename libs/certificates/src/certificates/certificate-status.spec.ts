import { addMonths, certificateStatus } from './certificate-status';

describe('certificate status', () => {
  const now = new Date('2027-06-01T00:00:00.000Z');

  it('is valid without expiry, expired from its expiry on, revoked above all', () => {
    expect(certificateStatus({ expiresAt: null }, null, now)).toBe('valid');
    expect(certificateStatus({ expiresAt: new Date('2027-06-01T00:00:00.001Z') }, null, now)).toBe(
      'valid',
    );
    expect(certificateStatus({ expiresAt: now }, null, now)).toBe('expired');
    expect(certificateStatus({ expiresAt: null }, now, now)).toBe('revoked');
    expect(certificateStatus({ expiresAt: new Date(0) }, now, now)).toBe('revoked');
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-12-01T08:30:00.000Z'), 24).toISOString()).toBe(
      '2028-12-01T08:30:00.000Z',
    );
    expect(addMonths(new Date('2027-01-31T00:00:00.000Z'), 1).toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(addMonths(new Date('2027-08-31T12:00:00.000Z'), 6).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
  });
});
