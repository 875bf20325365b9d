import { changedFields, type CourseFields, coursePatch } from '../src/studio/course-fields';

const base: CourseFields = {
  title: 'Kỹ năng số',
  code: null,
  summary: 'Cơ bản',
  description: null,
  language: 'vi',
  tags: ['tin học'],
  capacity: 30,
  hours: 4,
  validityMonths: null,
  enrollmentOpensAt: null,
  enrollmentClosesAt: '2026-12-31T16:59:00.000Z',
};

describe("a course's fields between two versions", () => {
  it('names each field whose value differs, tags compared as lists', () => {
    expect(changedFields(base, { ...base })).toEqual([]);
    expect(
      changedFields(base, { ...base, title: 'Kỹ năng số nâng cao', tags: ['tin học', 'số'] }),
    ).toEqual(['title', 'tags']);
    expect(changedFields(base, { ...base, capacity: null, enrollmentClosesAt: null })).toEqual([
      'capacity',
      'enrollmentClosesAt',
    ]);
  });

  it('patches only what the person changed, clearing with null', () => {
    expect(coursePatch(base, { ...base })).toEqual({});
    expect(coursePatch(base, { ...base, hours: 6, code: 'KNS-02', capacity: null })).toEqual({
      code: 'KNS-02',
      capacity: null,
      hours: 6,
    });
  });
});
