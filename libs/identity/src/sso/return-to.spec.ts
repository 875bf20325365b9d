import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('sends people home when nothing was asked for', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('')).toBe('/');
  });

  it.each([
    ['/', '/'],
    ['/my-learning', '/my-learning'],
    ['/courses/abc?tab=outline#lesson-3', '/courses/abc?tab=outline#lesson-3'],
    ['/tìm-kiếm', '/t%C3%ACm-ki%E1%BA%BFm'],
    ['/a/../b', '/b'],
  ])('keeps a path of this site: %s', (path, kept) => {
    expect(safeReturnTo(path)).toBe(kept);
  });

  it.each([
    ['a scheme-relative URL', '//evil.example/phish'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a leading backslash', '\\\\evil.example'],
    ['a tab inside the slashes', '/\t/evil.example'],
    ['a newline (header injection)', '/ok\r\nSet-Cookie: x=1'],
    ['a relative path', 'my-learning'],
    ['something far too long', `/${'a'.repeat(600)}`],
  ])('refuses %s', (_case, path) => {
    expect(safeReturnTo(path)).toBeNull();
  });
});
