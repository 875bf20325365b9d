import { MEASURE_COLUMNS, MEASURE_NAMES, STORED_FIGURES } from './figure-sql';

describe('figure measures', () => {
  it('compute every stored figure, each in exactly one measure', () => {
    const columns = MEASURE_NAMES.flatMap((measure) => MEASURE_COLUMNS[measure]);
    expect([...columns].sort()).toEqual([...STORED_FIGURES].sort());
  });
});
