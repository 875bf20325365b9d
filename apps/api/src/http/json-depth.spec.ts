import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  it('lets bodies as deep as the limit through', () => {
    expect(
      nestsDeeperThan('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH),
    ).toBe(false);
    expect(nestsDeeperThan('{"questions":[{"choices":[{"text":"a"}]}]}', 5)).toBe(false);
  });

  it('finds arrays or objects nested deeper', () => {
    expect(nestsDeeperThan('['.repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), MAX_JSON_DEPTH)).toBe(
      true,
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{', b: '\\"[[[[' }), 1)).toBe(false);
  });

  it('passes a long flat body and stops early on a megabyte of brackets', () => {
    expect(nestsDeeperThan(`[${'1,'.repeat(300_000)}1]`, MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan('['.repeat(500_000) + ']'.repeat(500_000), MAX_JSON_DEPTH)).toBe(true);
  });
});
