import i18next, { type TFunction } from 'i18next';
import { versionChanges } from '../src/manage/requirements/changes';
import { describeRequirement } from '../src/manage/requirements/describe';
import { manageRequirementsVi } from '../src/manage/requirements/i18n/vi';
import type { Requirement, RequirementVersion } from '../src/manage/requirements/types';
import {
  bodyOf,
  emptyValues,
  fieldOfPath,
  formProblems,
  valuesOf,
} from '../src/manage/requirements/requirement-form';

const UNIT = '0b9f6a1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const requirement: Requirement = {
  id: 'r',
  version: 1,
  title: 'An toàn thông tin',
  courseId: 'c',
  orgUnitId: UNIT,
  includeDescendants: true,
  positions: ['Chuyên viên'],
  jobGrades: null,
  dueDays: 30,
  dueDate: null,
  recurrence: { everyMonths: 12 },
  windowDays: 30,
  reminderDays: [14, 3],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};
const version = (changes: Partial<RequirementVersion>): RequirementVersion => ({
  ...requirement,
  authorId: 'a',
  authorName: 'Phạm Quốc Huy',
  ...changes,
});

let t: TFunction<'manageRequirements'>;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'vi',
    resources: { vi: { manageRequirements: manageRequirementsVi } },
    interpolation: { escapeValue: false },
  });
  t = i18n.getFixedT('vi', 'manageRequirements');
});

describe('the requirement form', () => {
  it('sends back what a requirement holds when nothing is changed', () => {
    expect(bodyOf(valuesOf(requirement))).toEqual({
      title: 'An toàn thông tin',
      courseId: 'c',
      orgUnitId: UNIT,
      includeDescendants: true,
      positions: ['Chuyên viên'],
      jobGrades: [],
      dueDays: 30,
      recurrence: { everyMonths: 12 },
      windowDays: 30,
      reminderDays: [14, 3],
    });
  });

  it('sends only the answer chosen for each question', () => {
    const body = bodyOf({
      ...valuesOf(requirement),
      dueKind: 'date',
      dueDate: '2027-01-31',
      recurrenceKind: 'annual',
      annualMonth: '02',
      annualDay: 29,
    });
    expect(body).toMatchObject({ dueDate: '2027-01-31', recurrence: { annualOn: '02-29' } });
    expect(body).not.toHaveProperty('dueDays');
  });

  it('checks what the api checks, under the field that is wrong', () => {
    expect(formProblems(valuesOf(requirement))).toEqual({});
    expect(formProblems(emptyValues())).toMatchObject({
      title: 'titleRequired',
      orgUnitId: 'unitRequired',
      courseId: 'courseRequired',
    });
    const values = { ...valuesOf(requirement), recurrenceKind: 'annual' as const };
    expect(formProblems({ ...values, annualMonth: '02', annualDay: 30 })).toEqual({
      annualDay: 'annualOn',
    });
    expect(formProblems({ ...values, annualMonth: '02', annualDay: 29 })).toEqual({});
    expect(formProblems({ ...valuesOf(requirement), dueDays: '' })).toEqual({ dueDays: 'dueDays' });
    expect(fieldOfPath('recurrence.annualOn', values)).toBe('annualDay');
    expect(fieldOfPath('dueDate', { ...values, dueKind: 'date' })).toBe('dueDate');
  });

  it('says a requirement in one sentence', () => {
    expect(describeRequirement(t, requirement, { unit: 'Vụ Pháp chế', course: 'ATTT' })).toBe(
      'Mọi công chức ở Vụ Pháp chế và các đơn vị trực thuộc, vị trí Chuyên viên, hoàn thành khoá “ATTT” trong 30 ngày kể từ khi được giao, mỗi 12 tháng một lần.',
    );
  });

  it('lists what changed between two versions, field by field', () => {
    const names = { unit: () => 'Vụ Pháp chế', course: () => 'ATTT' };
    const changes = versionChanges(
      t,
      version({ version: 1 }),
      version({ version: 2, dueDays: 45, recurrence: null, reminderDays: [3, 14] }),
      names,
    );
    expect(changes).toEqual([
      {
        field: 'due',
        before: 'trong 30 ngày kể từ khi được giao',
        after: 'trong 45 ngày kể từ khi được giao',
      },
      { field: 'recurrence', before: 'mỗi 12 tháng một lần', after: 'một lần' },
      { field: 'windowDays', before: '30 ngày', after: 'không' },
      { field: 'reminderDays', before: '14 ngày, 3 ngày', after: '3 ngày, 14 ngày' },
    ]);
    expect(versionChanges(t, version({}), version({ version: 2 }), names)).toEqual([]);
    expect(
      versionChanges(
        t,
        version({}),
        version({ dueDays: null, dueDate: '2027-01-31T00:00:00.000Z' }),
        names,
      )[0],
    ).toEqual({
      field: 'due',
      before: 'trong 30 ngày kể từ khi được giao',
      after: 'trước ngày 31/01/2027',
    });
  });
});
