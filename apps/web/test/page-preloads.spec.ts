import { routePattern } from '../build/page-preloads';

const matches = (path: string, url: string) => new RegExp(routePattern(path)).test(url);

describe('page paths as the api matches them', () => {
  it('matches a static path, with or without its trailing slash, and nothing longer', () => {
    expect(matches('/courses', '/courses')).toBe(true);
    expect(matches('/courses', '/courses/')).toBe(true);
    expect(matches('/courses', '/courses/42')).toBe(false);
    expect(matches('/courses', '/coursesx')).toBe(false);
  });

  it('takes one segment for a parameter', () => {
    expect(matches('/courses/:id', '/courses/01a2')).toBe(true);
    expect(matches('/courses/:id', '/courses')).toBe(false);
    expect(matches('/courses/:id', '/courses/01a2/extra')).toBe(false);
  });

  it('allows optional segments to be left out', () => {
    const player = '/learning/:enrollmentId/lessons?/:lessonId?';
    expect(matches(player, '/learning/e1')).toBe(true);
    expect(matches(player, '/learning/e1/lessons')).toBe(true);
    expect(matches(player, '/learning/e1/lessons/l1')).toBe(true);
    expect(matches(player, '/learning')).toBe(false);
  });

  it('matches the home page only at the root', () => {
    expect(matches('/', '/')).toBe(true);
    expect(matches('/', '/courses')).toBe(false);
  });
});
