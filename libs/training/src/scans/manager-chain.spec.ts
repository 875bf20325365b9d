import { managingUnits } from './manager-chain';

describe('managingUnits', () => {
  const path = ['ministry', 'department', 'office'];

  it('is the unit itself, and the nearest managed unit above it', () => {
    expect(managingUnits(path, new Set(['ministry', 'department', 'office']))).toEqual({
      responsible: 'office',
      above: 'department',
    });
  });

  it('skips units without managers on the way up', () => {
    expect(managingUnits(path, new Set(['ministry']))).toEqual({
      responsible: 'ministry',
      above: undefined,
    });
    expect(managingUnits(path, new Set(['ministry', 'office']))).toEqual({
      responsible: 'office',
      above: 'ministry',
    });
  });

  it('names nobody where no unit on the path has managers', () => {
    expect(managingUnits(path, new Set(['elsewhere']))).toEqual({});
  });
});
