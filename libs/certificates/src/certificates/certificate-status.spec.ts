import { certificateStatus } from './certificate-status';

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
});
