import { checkValues, missingAnswers, type ReportField, valueProblem } from './report-fields';

const field = (overrides: Partial<ReportField>): ReportField => ({
  key: 'offline_classes',
  label: { vi: 'Số lớp', en: 'Classes' },
  type: 'integer',
  help: null,
  required: false,
  min: null,
  max: null,
  choices: null,
  indicator: null,
  ...overrides,
});

describe('report answers', () => {
  it.each([
    [field({ min: 0, max: 10 }), 3, null],
    [field({ min: 0, max: 10 }), 11, 'must be at most 10'],
    [field({ min: 0 }), -1, 'must be at least 0'],
    [field({}), 1.5, 'must be an integer'],
    [field({}), '3', 'must be a number'],
    [field({ type: 'number' }), 1.5, null],
    [field({ type: 'number' }), Number.NaN, 'must be a number'],
    [field({ type: 'boolean' }), false, null],
    [field({ type: 'boolean' }), 'false', 'must be true or false'],
    [field({ type: 'choice', choices: ['a', 'b'] }), 'b', null],
    [field({ type: 'choice', choices: ['a', 'b'] }), 'c', 'must be one of a, b'],
    [field({ type: 'text' }), 'x'.repeat(4_001), 'must be at most 4000 characters'],
  ])('checks %o against %p', (definition, value, problem) => {
    expect(valueProblem(definition, value)).toBe(problem);
  });

  it('refuses keys the form does not have, even ones named like object internals', () => {
    const fields = [field({})];
    expect(() =>
      checkValues(fields, JSON.parse('{"__proto__": {"x": 1}, "offline_classes": 2}')),
    ).toThrow('Some answers do not fit the form');
    expect(checkValues(fields, { offline_classes: 2 })).toEqual({ offline_classes: 2 });
    expect(checkValues(fields, { offline_classes: null })).toEqual({});
    expect(() => checkValues(fields, [1])).toThrow('values must be an object');
  });

  it('lists the required fields with no answer', () => {
    const fields = [field({ required: true }), field({ key: 'notes', type: 'text' })];
    expect(missingAnswers(fields, {})).toEqual(['offline_classes']);
    expect(missingAnswers(fields, { offline_classes: 0 })).toEqual([]);
  });
});
