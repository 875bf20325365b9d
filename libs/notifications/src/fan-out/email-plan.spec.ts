import { planEmail } from './email-plan';

const person = { email: 'hoa@example.vn', emailEnabled: true, digest: 'off' as const };

describe('planEmail', () => {
  it('sends now to someone with a valid address and email on', () => {
    expect(planEmail(person)).toEqual({ status: 'pending' });
  });

  it('keeps it for the digest when the person chose a daily digest', () => {
    expect(planEmail({ ...person, digest: 'daily' })).toEqual({ status: 'digest' });
  });

  it.each([
    ['email turned off', { emailEnabled: false }, 'email_off'],
    ['no address', { email: '  ' }, 'no_email'],
    [
      'the placeholder of a single sign-on account without a verified address',
      { email: '01a2b3-9f8e@sso.invalid' },
      'no_email',
    ],
    ['a malformed address', { email: 'hoa@' }, 'invalid_email'],
    ['an address with spaces inside', { email: 'hoa nguyen@example.vn' }, 'invalid_email'],
  ])('skips %s', (_case, change, reason) => {
    expect(planEmail({ ...person, ...change })).toEqual({ status: 'skipped', reason });
  });

  it('skips someone who turned email off, digest or not', () => {
    expect(planEmail({ ...person, emailEnabled: false, digest: 'daily' })).toEqual({
      status: 'skipped',
      reason: 'email_off',
    });
  });
});
