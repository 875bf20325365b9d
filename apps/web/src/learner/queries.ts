import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';

type Schemas = components['schemas'];
export type MyEnrollment = Schemas['MyEnrollmentDto'];
export type EnrollmentDetail = Schemas['EnrollmentDetailDto'];
export type LessonProgress = Schemas['LessonProgressDto'];
export type CourseDetail = Schemas['CourseDetailDto'];
export type Lesson = Schemas['LessonDto'];
export type Broadcast = Schemas['BroadcastDto'];
export type Certificate = Schemas['MyCertificateDto'];
export type Assignment = Schemas['AssignmentDto'];
export type Notification = Schemas['NotificationDto'];

/** The query keys of the learner's pages, in one place so a change refreshes every view of it. */
export const learnerKeys = {
  enrollments: (page: number) => ['me', 'enrollments', page] as const,
  allEnrollments: ['me', 'enrollments'] as const,
  enrollment: (id: string) => ['enrollment', id] as const,
  course: (id: string) => ['course', id] as const,
  certificates: (page: number) => ['me', 'certificates', page] as const,
  allCertificates: ['me', 'certificates'] as const,
  assignments: (page: number) => ['me', 'assignments', page] as const,
  unread: ['me', 'notifications', 'unread'] as const,
  notifications: ['me', 'notifications'] as const,
  preferences: ['me', 'notification-preferences'] as const,
};

export const PAGE_SIZE = 20;

export function useMyEnrollments(page: number) {
  return useQuery({
    queryKey: learnerKeys.enrollments(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/me/enrollments', { params: { query: { page, pageSize: PAGE_SIZE } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEnrollment(id: string) {
  return useQuery({
    queryKey: learnerKeys.enrollment(id),
    queryFn: () => unwrap(api.GET('/api/v1/enrollments/{id}', { params: { path: { id } } })),
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: learnerKeys.course(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

/** Unread notifications, polled gently (every minute and when the tab regains focus). */
export function useUnreadCount() {
  const { user } = useSession();
  return useQuery({
    queryKey: learnerKeys.unread,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/me/notifications', {
            params: { query: { unread: true, page: 1, pageSize: 1 } },
          }),
        )
      ).total,
    enabled: Boolean(user),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

/** Whether the person has mandated training (the header shows "My training" only then). */
export function useHasAssignments() {
  const { user } = useSession();
  return useQuery({
    queryKey: ['me', 'assignments', 'any'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/me/assignments', { params: { query: { page: 1, pageSize: 1 } } }),
        )
      ).total > 0,
    enabled: Boolean(user),
    staleTime: 5 * 60_000,
  });
}
