import { targetCondition } from './target-query';

const rules = {
  orgUnitId: 'u1',
  includeDescendants: true,
  positions: null,
  jobGrades: null,
};

describe('targetCondition', () => {
  it('targets current members of the subtree by path prefix', () => {
    expect(targetCondition(rules, '/r/u1/')).toEqual({
      sql: 'm.`ended_at` IS NULL AND u.`path` LIKE ?',
      params: ['/r/u1/%'],
    });
  });

  it('targets the unit alone, narrowed to positions and job grades', () => {
    const target = targetCondition(
      { ...rules, includeDescendants: false, positions: ['Trưởng phòng'], jobGrades: ['A1'] },
      '/r/u1/',
    );
    expect(target.sql).toBe(
      'm.`ended_at` IS NULL AND u.`id` = ? AND m.`position` IN (?) AND m.`job_grade` IN (?)',
    );
    expect(target.params).toEqual(['u1', ['Trưởng phòng'], ['A1']]);
  });
});
