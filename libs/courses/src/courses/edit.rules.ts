import { CourseError } from '../course-error';
import type { CourseStatus } from './course-status';

/** A change an author asks for, as far as the lifecycle rules care. */
export type CourseEdit =
  | { kind: 'course-fields' }
  | { kind: 'add-section' }
  | { kind: 'add-lesson'; required: boolean }
  | { kind: 'lesson-fields'; lessonRequired: boolean; fields: readonly string[] }
  | { kind: 'reorder' };

/**
 * Lesson fields that decide how a lesson completes: frozen on a required lesson once the course
 * is published, so learners part-way through are never moved by a rule change.
 */
export const COMPLETION_FIELDS = ['required', 'completionThreshold', 'questions', 'passMark'];

/**
 * The refusal for `edit` on a course in `status`, or null when it may go ahead.
 *
 * - draft and in_review: anything (an edit sends an in_review course back to draft, see
 *   {@link statusAfterEdit});
 * - published: metadata, titles, reading text, new sections, optional lessons and their
 *   fields, and lesson order — but nothing that changes what completes the course;
 * - archived: nothing.
 */
export function editRefusal(status: CourseStatus, edit: CourseEdit): CourseError | null {
  if (status === 'archived')
    return new CourseError('COURSE_ARCHIVED', 'An archived course cannot be changed');
  if (status !== 'published') return null;
  switch (edit.kind) {
    case 'course-fields':
    case 'add-section':
    case 'reorder':
      return null;
    case 'add-lesson':
      return edit.required ? locked('A published course takes new lessons only as optional') : null;
    case 'lesson-fields': {
      const frozen = edit.lessonRequired
        ? edit.fields.filter((field) => COMPLETION_FIELDS.includes(field))
        : edit.fields.filter((field) => field === 'required');
      return frozen.length
        ? locked(
            `On a published course, ${frozen.join(', ')} of ${edit.lessonRequired ? 'a required' : 'an optional'} lesson cannot change`,
            { fields: frozen },
          )
        : null;
    }
  }
}

/** An edit sends a course waiting for review back to draft: reviewers approve what they saw. */
export function statusAfterEdit(status: CourseStatus): CourseStatus {
  return status === 'in_review' ? 'draft' : status;
}

const locked = (message: string, details?: Record<string, unknown>): CourseError =>
  new CourseError('COURSE_LOCKED', message, details);
