import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type StudioCourse = Schemas['StudioCourseDto'];
export type StudioFacility = Schemas['StudioFacilityDto'];
export type CourseStatus = StudioCourse['status'];
export type CourseDetail = Schemas['CourseDetailDto'];
export type CourseLearner = Schemas['CourseLearnerDto'];
export type EnrollmentStatus = CourseLearner['status'];

export const COURSE_STATUSES: CourseStatus[] = ['draft', 'in_review', 'published', 'archived'];
export const ENROLLMENT_STATUSES: EnrollmentStatus[] = [
  'active',
  'completed',
  'waitlisted',
  'withdrawn',
];
export const STUDIO_PAGE_SIZE = 20;
/** The languages a course is taught in, as the app offers them. */
export const COURSE_LANGUAGES = ['vi', 'en'] as const;

/** The studio's query keys: a change refreshes its own course and the lists, nothing else. */
export const studioKeys = {
  facilities: ['studio', 'facilities'] as const,
  lists: ['studio', 'courses'] as const,
  courses: (query: StudioCourseQuery) => ['studio', 'courses', query] as const,
  reviewQueue: (page: number) => ['studio', 'courses', 'review', page] as const,
  course: (id: string) => ['studio', 'course', id] as const,
  learners: (courseId: string, query: LearnerQuery) =>
    ['studio', 'course', courseId, 'learners', query] as const,
};

export interface StudioCourseQuery {
  status: CourseStatus;
  facilityId?: string;
  q?: string;
  page: number;
}

/** The facilities where the person authors (a person teaches at a handful, never hundreds). */
export function useStudioFacilities() {
  return useQuery({
    queryKey: studioKeys.facilities,
    queryFn: () =>
      unwrap(api.GET('/api/v1/studio/facilities', { params: { query: { pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

export function useStudioCourses(query: StudioCourseQuery) {
  return useQuery({
    queryKey: studioKeys.courses(query),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/studio/courses', {
          params: { query: { ...query, pageSize: STUDIO_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useReviewQueue(page: number) {
  return useQuery({
    queryKey: studioKeys.reviewQueue(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/studio/review-queue', {
          params: { query: { page, pageSize: STUDIO_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A course as its staff see it: drafts included, quiz answers included. */
export function useStudioCourse(id: string) {
  return useQuery({
    queryKey: studioKeys.course(id),
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
  });
}

export interface LearnerQuery {
  status?: EnrollmentStatus;
  q?: string;
  page: number;
}

/** A course's learners with progress and certificate, paged and searched on the server. */
export function useCourseLearners(courseId: string, query: LearnerQuery) {
  return useQuery({
    queryKey: studioKeys.learners(courseId, query),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/courses/{id}/learners', {
          params: { path: { id: courseId }, query: { ...query, pageSize: STUDIO_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
