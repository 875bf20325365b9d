import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type Inspection = Schemas['InspectionDto'];
export type InspectionSummary = Schemas['InspectionSummaryDto'];
export type InspectionStatus = Inspection['status'];
export type TargetType = Inspection['targetType'];
export type Criterion = Schemas['CriterionDto'];
export type FollowUpAction = Schemas['FollowUpActionDto'];
export type EvidenceFile = Schemas['EvidenceFileDto'];
export type OverdueAction = Schemas['OverdueActionDto'];
export type PlanBody = Schemas['PlanInspectionBody'];
export type ScoresBody = Schemas['RecordScoresBody'];

export const INSPECTION_STATUSES: InspectionStatus[] = ['planned', 'published'];
export const PAGE_SIZE = 20;
/** What the api takes as evidence (the file picker offers these). */
export const EVIDENCE_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp';

const keys = {
  all: ['inspections'] as const,
  list: (status: InspectionStatus | undefined, page: number) =>
    ['inspections', 'list', status ?? 'all', page] as const,
  received: (page: number) => ['inspections', 'received', page] as const,
  one: (id: string) => ['inspections', 'one', id] as const,
  overdue: (page: number) => ['inspections', 'overdue', page] as const,
};

/** Inspections in the supervisor's area, the latest planned first. */
export function useInspections(status: InspectionStatus | undefined, page: number) {
  return useQuery({
    queryKey: keys.list(status, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/inspections', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Published inspections of the units the person answers for. */
export function useReceivedInspections(page: number) {
  return useQuery({
    queryKey: keys.received(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/inspections/received', {
          params: { query: { page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/monitoring/inspections/{id}', { params: { path: { id } } })),
  });
}

/** Open actions past their due day in the supervisor's area. */
export function useOverdueActions(page: number) {
  return useQuery({
    queryKey: keys.overdue(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/inspection-actions/overdue', {
          params: { query: { page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePlanInspection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanBody) => unwrap(api.POST('/api/v1/monitoring/inspections', { body })),
    onSuccess: (inspection) => {
      client.setQueryData(keys.one(inspection.id), inspection);
      void client.invalidateQueries({ queryKey: ['inspections', 'list'] });
    },
  });
}

/** Every change to one inspection answers the inspection: it replaces what the page shows. */
function useInspectionChange<T>(id: string, change: (input: T) => Promise<Inspection>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (inspection) => {
      client.setQueryData(keys.one(id), inspection);
      void client.invalidateQueries({ queryKey: ['inspections', 'list'] });
      void client.invalidateQueries({ queryKey: ['inspections', 'received'] });
      void client.invalidateQueries({ queryKey: ['inspections', 'overdue'] });
    },
  });
}

export const useRecordScores = (id: string) =>
  useInspectionChange(id, (body: ScoresBody) =>
    unwrap(
      api.PUT('/api/v1/monitoring/inspections/{id}/scores', { params: { path: { id } }, body }),
    ),
  );

export const usePublishInspection = (id: string) =>
  useInspectionChange<void>(id, () =>
    unwrap(api.POST('/api/v1/monitoring/inspections/{id}/publish', { params: { path: { id } } })),
  );

export const useAddAction = (id: string) =>
  useInspectionChange(id, (body: { title: string; ownerId: string; dueOn: string }) =>
    unwrap(
      api.POST('/api/v1/monitoring/inspections/{id}/actions', { params: { path: { id } }, body }),
    ),
  );

export const useCloseAction = (inspectionId: string) =>
  useInspectionChange(inspectionId, ({ actionId, note }: { actionId: string; note: string }) =>
    unwrap(
      api.POST('/api/v1/monitoring/inspection-actions/{id}/close', {
        params: { path: { id: actionId } },
        body: note ? { note } : {},
      }),
    ),
  );

/** Uploads a file (multipart, the browser writes the boundary), then reads the inspection again. */
export function useUploadEvidence(inspectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      criterion,
      actionId,
    }: {
      file: File;
      criterion?: number;
      actionId?: string;
    }) => {
      const form = new FormData();
      form.append('file', file);
      const body = form as unknown as { file?: string };
      return actionId
        ? unwrap(
            api.POST('/api/v1/monitoring/inspection-actions/{id}/evidence', {
              params: { path: { id: actionId } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/monitoring/inspections/{id}/criteria/{position}/evidence', {
              params: { path: { id: inspectionId, position: criterion ?? 0 } },
              body,
            }),
          );
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.one(inspectionId) }),
  });
}

/** Facilities in an administrative unit's subtree (the supervisor's area), to choose from. */
export function useAreaFacilities(adminUnitId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['inspections', 'facilities', adminUnitId ?? 'all'],
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/facilities', {
          params: { query: { pageSize: 100, ...(adminUnitId ? { adminUnitId } : {}) } },
        }),
      ),
  });
}

/** `2026-12-31` as people write it: 31/12/2026 (a calendar day, no time zone to shift it). */
export const formatCalendarDay = (day: string): string => {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
};

/** The weighted result of the scores typed so far (0–100), null until every one has a score. */
export function weightedTotal(criteria: { weight: number; score: number | null }[]): number | null {
  if (criteria.length === 0 || criteria.some((criterion) => criterion.score === null)) return null;
  const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const points = criteria.reduce(
    (sum, criterion) => sum + criterion.weight * (criterion.score ?? 0),
    0,
  );
  return Math.round((points / weights) * 10) / 10;
}
