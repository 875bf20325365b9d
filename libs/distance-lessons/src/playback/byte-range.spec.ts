import { readRange } from './byte-range';

describe('readRange', () => {
  it('reads a closed, an open and a suffix range', () => {
    expect(readRange('bytes=0-99', 1000)).toEqual({
      kind: 'partial',
      range: { start: 0, end: 99 },
    });
    expect(readRange('bytes=900-', 1000)).toEqual({
      kind: 'partial',
      range: { start: 900, end: 999 },
    });
    expect(readRange('bytes=-100', 1000)).toEqual({
      kind: 'partial',
      range: { start: 900, end: 999 },
    });
  });

  it('clips an end past the file', () => {
    expect(readRange('bytes=500-5000', 1000)).toEqual({
      kind: 'partial',
      range: { start: 500, end: 999 },
    });
  });

  it('cannot satisfy a start past the end', () => {
    expect(readRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(readRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers the whole file for no range, several ranges or nonsense', () => {
    expect(readRange(undefined, 10)).toEqual({ kind: 'whole' });
    expect(readRange('bytes=0-1,5-6', 10)).toEqual({ kind: 'whole' });
    expect(readRange('items=0-1', 10)).toEqual({ kind: 'whole' });
    expect(readRange('bytes=5-2', 10)).toEqual({ kind: 'whole' });
  });
});
