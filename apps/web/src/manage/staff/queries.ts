import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type OrgUnitNode = components['schemas']['OrgUnitNodeDto'];
export type StaffMember = components['schemas']['StaffMemberDto'];
export type AssignmentStatus = NonNullable<StaffFilters['status']>;

export const ASSIGNMENT_STATUSES = [
  'overdue',
  'assigned',
  'in_progress',
  'completed',
  'expired',
] as const satisfies readonly AssignmentStatus[];

export interface StaffFilters {
  orgUnitId: string;
  status?: 'assigned' | 'in_progress' | 'completed' | 'overdue' | 'expired';
  position?: string;
  q?: string;
}

/** The api's largest page: fewest requests while scrolling a long list. */
export const STAFF_PAGE_SIZE = 100;

/** Every unit the caller manages, parents before children. */
export function useManagedUnits() {
  return useQuery({
    queryKey: ['manage', 'org-units'],
    queryFn: () => unwrap(api.GET('/api/v1/org-units/tree', { params: { query: {} } })),
    staleTime: 60_000,
  });
}

export function fetchStaffPage(filters: StaffFilters, page: number) {
  return unwrap(
    api.GET('/api/v1/training/staff', {
      params: { query: { ...filters, page, pageSize: STAFF_PAGE_SIZE } },
    }),
  );
}

/** The filtered staff, page after page as the table scrolls (the server sorts and filters). */
export function useStaffPages(filters: StaffFilters | null) {
  return useInfiniteQuery({
    queryKey: ['manage', 'staff', filters],
    enabled: filters !== null,
    initialPageParam: 1,
    queryFn: ({ pageParam }) => fetchStaffPage(filters as StaffFilters, pageParam),
    getNextPageParam: (last) =>
      last.page * last.pageSize < last.total ? last.page + 1 : undefined,
  });
}
