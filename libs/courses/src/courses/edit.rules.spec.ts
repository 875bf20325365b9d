import { editRefusal, statusAfterEdit } from './edit.rules';

describe('editRefusal', () => {
  it('allows anything on a draft or a course in review', () => {
    for (const status of ['draft', 'in_review'] as const) {
      expect(editRefusal(status, { kind: 'add-lesson', required: true })).toBeNull();
      expect(
        editRefusal(status, { kind: 'lesson-fields', lessonRequired: true, fields: ['questions'] }),
      ).toBeNull();
    }
  });

  it('refuses every change to an archived course', () => {
    expect(editRefusal('archived', { kind: 'course-fields' })?.code).toBe('COURSE_ARCHIVED');
    expect(editRefusal('archived', { kind: 'reorder' })?.code).toBe('COURSE_ARCHIVED');
  });

  it('keeps what completes a published course as it was', () => {
    expect(editRefusal('published', { kind: 'course-fields' })).toBeNull();
    expect(editRefusal('published', { kind: 'add-section' })).toBeNull();
    expect(editRefusal('published', { kind: 'reorder' })).toBeNull();
    expect(editRefusal('published', { kind: 'add-lesson', required: false })).toBeNull();
    expect(editRefusal('published', { kind: 'add-lesson', required: true })?.code).toBe(
      'COURSE_LOCKED',
    );
    const change = (lessonRequired: boolean, fields: string[]) =>
      editRefusal('published', { kind: 'lesson-fields', lessonRequired, fields });
    expect(change(true, ['title', 'body'])).toBeNull();
    expect(change(true, ['title', 'passMark'])?.details).toEqual({ fields: ['passMark'] });
    expect(change(true, ['required'])?.code).toBe('COURSE_LOCKED');
    expect(change(false, ['questions', 'passMark'])).toBeNull();
    expect(change(false, ['required'])?.code).toBe('COURSE_LOCKED');
  });
});

describe('statusAfterEdit', () => {
  it('sends a course in review back to draft and leaves others alone', () => {
    expect(statusAfterEdit('in_review')).toBe('draft');
    expect(statusAfterEdit('published')).toBe('published');
    expect(statusAfterEdit('draft')).toBe('draft');
  });
});
