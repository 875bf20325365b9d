import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The certificate templates' query keys, under the studio's. */
export const templateKeys = {
  list: (facilityId: string) => ['studio', 'certificate-templates', facilityId] as const,
  placeholders: ['studio', 'certificate-templates', 'placeholders'] as const,
  preview: (facilityId: string, asked: unknown) =>
    ['studio', 'certificate-templates', facilityId, 'preview', asked] as const,
};

/** A facility's templates (its own and its courses'). */
export function useFacilityTemplates(facilityId: string) {
  return useQuery({
    queryKey: templateKeys.list(facilityId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/certificate-templates', { params: { query: { facilityId } } })),
  });
}

/** The placeholders a template may use, as the api lists them (the one list there is). */
export function usePlaceholders() {
  return useQuery({
    queryKey: templateKeys.placeholders,
    queryFn: () => unwrap(api.GET('/api/v1/certificate-templates/placeholders')),
    staleTime: Infinity,
  });
}
