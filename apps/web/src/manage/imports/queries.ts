import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type StaffImport = components['schemas']['StaffImportDto'];

/** How often a queued or running import is read again; the server does the work. */
const POLL_MS = 1000;

export const isSettled = (report: StaffImport | undefined): boolean =>
  report?.status === 'completed' || report?.status === 'failed';

/** The import's progress and line errors, read every second until it completes or fails. */
export function useStaffImport(importId: string | undefined) {
  return useQuery({
    queryKey: ['manage', 'imports', importId],
    enabled: importId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/imports/{importId}', {
          params: { path: { importId: importId as string } },
        }),
      ),
    refetchInterval: (query) => (isSettled(query.state.data) ? false : POLL_MS),
  });
}

/** Sends the file as multipart (the browser writes the boundary); answers the new import's id. */
export function useUploadStaff() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/admin/imports/staff', {
          params: { query: {} },
          body: form as unknown as { file?: string },
        }),
      );
    },
  });
}
