import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import type { TargetBody } from './types';

export type { Requirement, RequirementBody, RequirementVersion, TargetBody } from './types';

/** Who may open these pages (the api checks the same roles, and the scope of each unit). */
export const REQUIREMENT_SETTERS = ['admin', 'org_manager'] as const;

/** The requirement pages' query keys: a save refreshes the requirements, nothing else. */
export const requirementKeys = {
  all: ['manage', 'requirements'] as const,
  list: (orgUnitId: string | undefined, page: number) =>
    ['manage', 'requirements', 'list', orgUnitId ?? '', page] as const,
  one: (id: string) => ['manage', 'requirements', 'one', id] as const,
  versions: (id: string) => ['manage', 'requirements', 'versions', id] as const,
  preview: (body: TargetBody) => ['manage', 'requirements', 'preview', body] as const,
  unit: (id: string) => ['manage', 'units', id] as const,
  level: (parentId: string) => ['manage', 'units', 'level', parentId] as const,
  course: (id: string) => ['manage', 'courses', id] as const,
  courses: (q: string) => ['manage', 'courses', 'search', q] as const,
};

export const REQUIREMENTS_PAGE_SIZE = 20;

export function useRequirements(orgUnitId: string | undefined, page: number) {
  return useQuery({
    queryKey: requirementKeys.list(orgUnitId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/training/requirements', {
          params: { query: { orgUnitId, page, pageSize: REQUIREMENTS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRequirement(id: string) {
  return useQuery({
    queryKey: requirementKeys.one(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/training/requirements/{id}', { params: { path: { id } } })),
  });
}

export function useRequirementVersions(id: string) {
  return useQuery({
    queryKey: requirementKeys.versions(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/training/requirements/{id}/versions', { params: { path: { id } } })),
  });
}

/** Who the requirement being written would assign; nothing is asked until a unit is chosen. */
export function useTargetPreview(body: TargetBody | null) {
  return useQuery({
    queryKey: requirementKeys.preview(body ?? { orgUnitId: '' }),
    queryFn: () => unwrap(api.POST('/api/v1/training/requirements/preview', { body: body! })),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** One org unit (its name), fetched once for every page that names it. */
export const unitQuery = (id: string) => ({
  queryKey: requirementKeys.unit(id),
  queryFn: () => unwrap(api.GET('/api/v1/org-units/{id}', { params: { path: { id } } })),
  staleTime: 5 * 60_000,
});

/**
 * The units one level below a unit (one indexed read of the tree), or without one the tops of the
 * person's reach: the units of their grants, or the roots for a platform administrator.
 */
export const unitLevelQuery = (parentId: string | null) => ({
  queryKey: requirementKeys.level(parentId ?? ''),
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/org-units', { params: { query: { parentId: parentId ?? undefined } } }),
    ),
  staleTime: 5 * 60_000,
});

export function useUnit(id: string | null) {
  return useQuery({ ...unitQuery(id ?? ''), enabled: Boolean(id) });
}

export function useUnitLevel(parentId: string | null, enabled = true) {
  return useQuery({ ...unitLevelQuery(parentId), enabled });
}

/** The org units the person manages (their grants' scopes): the roots of every unit picker. */
export function useManagedRoots(): { roots: string[]; everywhere: boolean } {
  const { user } = useSession();
  const grants = (user?.roles ?? []).filter((grant) =>
    (REQUIREMENT_SETTERS as readonly string[]).includes(grant.role),
  );
  const roots = grants.flatMap((grant) =>
    grant.scopeType === 'org_unit' && grant.scopeId ? [grant.scopeId] : [],
  );
  const everywhere = grants.some((grant) => grant.role === 'admin' && !grant.scopeType);
  return { roots: [...new Set(roots)], everywhere };
}

/** A course's title (any status: a requirement keeps its course even if later archived). */
export function useCourseTitle(id: string | null) {
  return useQuery({
    queryKey: requirementKeys.course(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    select: (course) => course.title,
  });
}

/** Published courses matching what was typed (the public catalogue lists only those). */
export function usePublishedCourses(q: string) {
  return useQuery({
    queryKey: requirementKeys.courses(q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/courses', {
          params: { query: { q: q || undefined, page: 1, pageSize: 20 } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
