import { deviceName } from '../src/accounts/device-name';
import { linkToken, newPasswordProblem } from '../src/accounts/password-rules';

const t = ((key: string) => key) as never;

describe('emailed account links', () => {
  it('read the token from the fragment, or from the query of an older link', () => {
    expect(linkToken({ hash: '#token=abc_DEF-123', search: '' })).toBe('abc_DEF-123');
    expect(linkToken({ hash: '', search: '?token=xyz' })).toBe('xyz');
    expect(linkToken({ hash: '', search: '' })).toBeNull();
  });
});

describe('new passwords, checked as the server checks them', () => {
  it('refuses too short, too long, spaces only, and the email in any case', () => {
    expect(newPasswordProblem(t, 'short')).toBe('auth.passwordTooShort');
    expect(newPasswordProblem(t, '         ')).toBe('auth.passwordTooShort');
    expect(newPasswordProblem(t, 'x'.repeat(129))).toBe('accounts.passwordTooLong');
    expect(newPasswordProblem(t, ' Lan@Example.vn', 'lan@example.vn')).toBe(
      'accounts.passwordIsEmail',
    );
    expect(newPasswordProblem(t, '🔑'.repeat(8))).toBeNull();
  });
});

describe('session devices', () => {
  it('name the browser and system, or keep a short raw text', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(deviceName('curl/8.5.0')).toBe('curl/8.5.0');
    expect(deviceName(null)).toBeNull();
  });
});
