import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-bodies';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[{{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\"[[[[[","b":1}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
  });

  it('stops at the first level too deep, and passes a long flat body', () => {
    expect(nestsDeeperThan('['.repeat(500_000) + ']'.repeat(500_000), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(`[${'1,'.repeat(300_000)}1]`, MAX_JSON_DEPTH)).toBe(false);
  });
});
