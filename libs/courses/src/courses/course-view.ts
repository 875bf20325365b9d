import type { LessonKind } from '../lessons/lesson-kind';
import type { Course } from './course.entity';
import type { CourseStatus } from './course-status';

/** A course as the api shows it (api.md `course`). */
export interface CourseView {
  id: string;
  facilityId: string;
  code: string | null;
  title: string;
  summary: string;
  description: string | null;
  language: string;
  tags: string[];
  capacity: number | null;
  hours: number | null;
  validityMonths: number | null;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  status: CourseStatus;
  activeEnrollments: number;
  createdAt: Date;
  publishedAt: Date | null;
}

/** A quiz choice; `correct` is present only in a view for the course's staff. */
export interface ChoiceView {
  id: string;
  text: string;
  correct?: boolean;
}

export interface QuestionView {
  id: string;
  text: string;
  multiple: boolean;
  choices: ChoiceView[];
}

/** A lesson as the api shows it (api.md `lesson`). */
export interface LessonView {
  id: string;
  sectionId: string;
  position: number;
  title: string;
  kind: LessonKind;
  required: boolean;
  durationSeconds: number | null;
  videoId: string | null;
  videoReady: boolean;
  completionThreshold: number | null;
  body: string | null;
  passMark: number | null;
  attemptLimit: number | null;
  /** Quiz lessons only. */
  questions?: QuestionView[];
}

export interface SectionView {
  id: string;
  title: string;
  position: number;
}

export interface SectionWithLessons extends SectionView {
  lessons: LessonView[];
}

/** The facility giving a course, as its page shows it. */
export interface CourseFacilityView {
  id: string;
  name: string;
  type: string;
  /** Its administrative units from the nearest up to the province: "Ba Đình, Hà Nội". */
  place: string;
}

/** Why a facility admin returned the course from review (its staff only). */
export interface ReviewNoteView {
  comment: string;
  at: Date;
}

/** `GET /courses/{id}`: the course with its facility, sections and lessons in order. */
export interface CourseDetailView extends CourseView {
  facility: CourseFacilityView | null;
  sections: SectionWithLessons[];
  /** For the course's staff: the last reviewer's comment, null when there is none. */
  reviewNote?: ReviewNoteView | null;
}

/** The course's own fields, as the api shows them. */
export function courseView(course: Course, tags: string[]): CourseView {
  return {
    id: course.id,
    facilityId: course.facilityId,
    code: course.code,
    title: course.title,
    summary: course.summary,
    description: course.description,
    language: course.language,
    tags,
    capacity: course.capacity,
    hours: course.hours,
    validityMonths: course.validityMonths,
    enrollmentOpensAt: course.enrollmentOpensAt,
    enrollmentClosesAt: course.enrollmentClosesAt,
    status: course.status,
    activeEnrollments: course.activeEnrollments,
    createdAt: course.createdAt,
    publishedAt: course.publishedAt,
  };
}
