import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import type { FacilityType } from '../catalogue/catalogue-search';

export type FigureTree = components['schemas']['FigureTreeDto'];
export type FigureNode = components['schemas']['FigureNodeDto'];
export type Indicator = components['schemas']['IndicatorDto'];

/** What the page shows: a period, a subtree (none: the country) and a facility type (none: all). */
export interface FiguresChoice {
  period: string;
  adminUnitId?: string;
  facilityType?: FacilityType;
}

/** The api's query for a choice, the CSV's too. */
export function figuresQuery(choice: FiguresChoice): {
  period: string;
  adminUnitId?: string;
  facilityType?: string;
} {
  return {
    period: choice.period,
    ...(choice.adminUnitId ? { adminUnitId: choice.adminUnitId } : {}),
    ...(choice.facilityType ? { facilityType: choice.facilityType } : {}),
  };
}

/** The indicator catalogue: names in both languages and definitions. It changes with releases. */
export function useIndicators() {
  return useQuery({
    queryKey: ['monitoring', 'indicators'],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/indicators')),
    staleTime: 60 * 60_000,
  });
}

/** A unit's figures and its children's, kept on screen while the next choice loads. */
export function useFigures(choice: FiguresChoice) {
  return useQuery({
    queryKey: ['monitoring', 'figures', choice.period, choice.adminUnitId, choice.facilityType],
    queryFn: () =>
      unwrap(api.GET('/api/v1/monitoring/figures', { params: { query: figuresQuery(choice) } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
