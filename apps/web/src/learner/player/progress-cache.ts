import type { QueryClient } from '@tanstack/react-query';
import { learnerKeys, type EnrollmentDetail, type LessonProgress } from '../queries';

/**
 * Applies what the server just said about one lesson to the cached enrollment, so the outline
 * and the progress bar move the moment it answers; a refetch then brings the exact percent.
 */
export function applyLessonResult(
  queryClient: QueryClient,
  enrollmentId: string,
  lessonId: string,
  patch: Partial<LessonProgress>,
  courseCompleted: boolean,
): void {
  queryClient.setQueryData<EnrollmentDetail>(learnerKeys.enrollment(enrollmentId), (detail) =>
    detail
      ? {
          ...detail,
          status: courseCompleted ? 'completed' : detail.status,
          progressPercent: courseCompleted ? 100 : detail.progressPercent,
          lessons: detail.lessons.map((lesson) =>
            lesson.lessonId === lessonId ? { ...lesson, ...patch } : lesson,
          ),
        }
      : detail,
  );
  if (patch.status === 'completed' || courseCompleted) {
    void queryClient.invalidateQueries({ queryKey: learnerKeys.enrollment(enrollmentId) });
    void queryClient.invalidateQueries({ queryKey: learnerKeys.allEnrollments });
  }
}
