import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export interface BroadcastTitles {
  course(courseId: string): string | undefined;
  lesson(lessonId: string): string | undefined;
}

/**
 * Course and lesson titles for the broadcasts on screen: one course page per distinct course
 * (a week of television holds a handful), shared with the course page's cache.
 */
export function useBroadcastTitles(courseIds: readonly string[]): BroadcastTitles {
  const distinct = [...new Set(courseIds)];
  const courses = useQueries({
    queries: distinct.map((id) => ({
      queryKey: ['course', id],
      queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const courseTitles = new Map<string, string>();
  const lessonTitles = new Map<string, string>();
  for (const { data } of courses) {
    if (!data) continue;
    courseTitles.set(data.id, data.title);
    for (const section of data.sections)
      for (const lesson of section.lessons) lessonTitles.set(lesson.id, lesson.title);
  }
  return {
    course: (id) => courseTitles.get(id),
    lesson: (id) => lessonTitles.get(id),
  };
}
