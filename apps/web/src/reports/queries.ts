import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type ReportForm = Schemas['ReportFormDto'];
export type FormField = Schemas['FormFieldDto'];
export type FacilityReport = Schemas['FacilityReportDto'];
export type ReportStatus = FacilityReport['status'];
export type ReportListItem = Schemas['ReportListItemDto'];
export type Answer = FacilityReport['values'][string];
export type Answers = FacilityReport['values'];

export const REPORT_STATUSES: ReportStatus[] = ['submitted', 'returned', 'accepted', 'draft'];

const keys = {
  form: (year: number) => ['reports', 'form', year] as const,
  report: (facilityId: string, year: number) => ['reports', 'report', facilityId, year] as const,
  list: (year: number, status: ReportStatus) => ['reports', 'list', year, status] as const,
};

/** The year's form; null when none is defined for that year yet. */
export function useReportForm(year: number) {
  return useQuery({
    queryKey: keys.form(year),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/report-forms/{year}', {
          params: { path: { year: String(year) } },
        }),
      ).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
}

/** The facility's report of the year; null before its first save. */
export function useFacilityReport(facilityId: string | undefined, year: number) {
  return useQuery({
    queryKey: keys.report(facilityId ?? '', year),
    enabled: facilityId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/facilities/{id}/reports/{year}', {
          params: { path: { id: facilityId ?? '', year: String(year) } },
        }),
      ).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
}

/** Saves the answers as a draft, then (when asked) submits the saved report. */
export function useSaveReport(facilityId: string, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ values, submit }: { values: Answers; submit: boolean }) => {
      const path = { id: facilityId, year: String(year) };
      const saved = await unwrap(
        api.PUT('/api/v1/facilities/{id}/reports/{year}', {
          params: { path },
          body: { values },
        }),
      );
      if (!submit) return saved;
      return unwrap(
        api.POST('/api/v1/facilities/{id}/reports/{year}/submit', { params: { path } }),
      );
    },
    onSuccess: (report) => client.setQueryData(keys.report(facilityId, year), report),
  });
}

/** The reports of the year in the caller's scope, in one status. */
export function useReportList(year: number, status: ReportStatus) {
  return useQuery({
    queryKey: keys.list(year, status),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/reports', {
          params: { query: { year, status } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Accepts or returns a submitted report; the lists and the report are read again. */
export function useDecideReport(facilityId: string, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, comment }: { decision: 'accept' | 'return'; comment: string }) => {
      const params = { path: { id: facilityId, year: String(year) } };
      return decision === 'accept'
        ? unwrap(
            api.POST('/api/v1/facilities/{id}/reports/{year}/accept', {
              params,
              body: comment ? { comment } : {},
            }),
          )
        : unwrap(
            api.POST('/api/v1/facilities/{id}/reports/{year}/return', {
              params,
              body: { comment },
            }),
          );
    },
    onSuccess: (report) => {
      client.setQueryData(keys.report(facilityId, year), report);
      void client.invalidateQueries({ queryKey: ['reports', 'list', year] });
    },
  });
}
