import { membershipChange } from './membership-change';

describe('membershipChange', () => {
  const placement = { orgUnitId: 'unit-a', position: 'Chuyên viên', jobGrade: 'A1' };

  it('starts a membership for someone with none', () => {
    expect(membershipChange(null, placement)).toBe('start');
  });

  it('leaves an identical membership alone', () => {
    expect(membershipChange({ ...placement }, placement)).toBe('unchanged');
  });

  it('moves on a new unit, position or grade', () => {
    expect(membershipChange(placement, { ...placement, orgUnitId: 'unit-b' })).toBe('move');
    expect(membershipChange(placement, { ...placement, position: null })).toBe('move');
    expect(membershipChange(placement, { ...placement, jobGrade: 'A2' })).toBe('move');
  });
});
