import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../components/save-blob';

/** The unit's figures and its children one level down. */
export function useCompliance(orgUnitId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'compliance', orgUnitId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/training/compliance', { params: { query: { orgUnitId: orgUnitId! } } }),
      ),
    enabled: orgUnitId !== undefined,
  });
}

/** The unit's snapshots (headline figures only): the trend and the periods to compare. */
export function useSnapshots(orgUnitId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'snapshots', orgUnitId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/training/snapshots', { params: { query: { orgUnitId: orgUnitId! } } }),
      ),
    enabled: orgUnitId !== undefined,
  });
}

/** One frozen snapshot with every unit's row: fetched only when two periods are compared. */
export function useSnapshot(id: string | undefined) {
  return useQuery({
    queryKey: ['training', 'snapshot', id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/training/snapshots/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
    staleTime: Infinity, // frozen: it never changes
  });
}

export function useTakeSnapshot(orgUnitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: string) =>
      unwrap(api.POST('/api/v1/training/snapshots', { body: { orgUnitId, period } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training', 'snapshots', orgUnitId] }),
  });
}

/** The subtree as CSV, fetched with the access token and saved as `compliance.csv`. */
export function useComplianceCsv(orgUnitId: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/training/compliance.csv', {
          params: { query: { orgUnitId } },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (blob) => saveBlob(blob, 'compliance.csv'),
  });
}
