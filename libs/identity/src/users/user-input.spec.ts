import {
  accountPasswordProblems,
  fullNameProblems,
  canonicalEmail,
  normalizeFullName,
  PASSWORD_MAX_LENGTH,
  passwordProblems,
} from './user-input';

describe('password policy', () => {
  it('accepts 8 to 128 characters', () => {
    expect(passwordProblems('12345678')).toEqual([]);
    expect(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
  });

  it('refuses short passwords', () => {
    expect(passwordProblems('1234567')).toEqual(['password must be at least 8 characters']);
  });

  it('refuses passwords longer than the limit, so hashing cost stays bounded', () => {
    expect(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([
      'password must be at most 128 characters',
    ]);
  });

  it('counts characters, not UTF-16 units, so emoji passwords are measured as people see them', () => {
    expect(passwordProblems('🔑'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
    expect(passwordProblems('🔑'.repeat(7))).toEqual(['password must be at least 8 characters']);
  });

  it('refuses a password of spaces only', () => {
    expect(passwordProblems('          ')).toEqual(['password must not be only spaces']);
  });
});

describe('user input normalization', () => {
  it('trims and lower-cases emails', () => {
    expect(canonicalEmail('  Lan.Nguyen@Example.VN ')).toBe('lan.nguyen@example.vn');
  });

  it('gives every variant the database would match one canonical email', () => {
    for (const variant of [
      'àdmin@lifelong.vn',
      'a\u0300dmin@lifelong.vn', // combining grave accent
      'ad\u00ADmin@lifelong.vn', // soft hyphen
      'ad\u200Bmin@lifelong.vn', // zero-width space
      '\uFEFFadmin\u200D@lifelong.vn', // byte-order mark, zero-width joiner
      'ADMİN@LIFELONG.VN',
      'ａｄｍｉｎ@lifelong.vn', // full-width letters
      'admin@lifelong.vn\u00A0', // no-break space
    ])
      expect(canonicalEmail(variant)).toBe('admin@lifelong.vn');
    expect(canonicalEmail('Nguyễn.Thị.Ưng@example.vn')).toBe('nguyen.thi.ung@example.vn');
    expect(canonicalEmail('straße@example.de')).toBe('strasse@example.de');
  });

  it('stores names trimmed and in NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n A'; // "Nguyễn Văn A" with combining marks
    expect(normalizeFullName(`  ${decomposed} `)).toBe('Nguyễn Văn A');
  });

  it('accepts SQL metacharacters and emoji in names; refuses empty or control characters', () => {
    expect(fullNameProblems(`O'Brien"; DROP TABLE users; -- 🎓`)).toEqual([]);
    expect(fullNameProblems('   ')).toEqual(['fullName must not be empty']);
    expect(fullNameProblems('Lan\u0000')).toEqual(['fullName must not contain control characters']);
    expect(fullNameProblems('a'.repeat(201))).toEqual(['fullName must be at most 200 characters']);
    expect(fullNameProblems('🎓'.repeat(200))).toEqual([]);
  });
});

describe('password policy for an account', () => {
  it('refuses the account’s own email, in any case or spacing', () => {
    expect(accountPasswordProblems(' Lan.Nguyen@Example.vn', 'lan.nguyen@example.vn')).toEqual([
      'password must not be your email address',
    ]);
    expect(accountPasswordProblems('lan.nguyen@example.vn!', 'lan.nguyen@example.vn')).toEqual([]);
  });
});
