import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { NameOf } from './changes';
import { requirementKeys, unitQuery } from './queries';

/**
 * The names of the units and courses some requirements name, fetched once each (requirements
 * are tens per ministry and name a handful of units and courses); the id stands in until known.
 */
export function useNames(unitIds: string[], courseIds: string[]): NameOf {
  const units = useQueries({
    queries: [...new Set(unitIds)].map(unitQuery),
  });
  const courses = useQueries({
    queries: [...new Set(courseIds)].map((id) => ({
      queryKey: requirementKeys.course(id),
      queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const unitNames = new Map(
    units.flatMap((unit) => (unit.data ? [[unit.data.id, unit.data.name] as const] : [])),
  );
  const courseTitles = new Map(
    courses.flatMap((course) =>
      course.data ? [[course.data.id, course.data.title] as const] : [],
    ),
  );
  return {
    unit: (id) => unitNames.get(id) ?? '…',
    course: (id) => courseTitles.get(id) ?? '…',
  };
}
