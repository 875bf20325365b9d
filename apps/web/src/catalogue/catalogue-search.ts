import type { operations } from '../api/schema';
import { vi } from '../i18n/vi';

/** The catalogue's state, kept in the URL so a link, a reload and the back button keep it. */
export interface CatalogueSearch {
  q: string;
  province: string;
  facilityType: string;
  tag: string;
  page: number;
}

/** The server's limit on `q` (ListCoursesQuery): longer input is cut, never sent to fail. */
export const QUERY_MAX_LENGTH = 200;
/** Three rows of three on a laptop. */
export const PAGE_SIZE = 9;

/** The kinds of facility, as the api's contract names them. */
export type FacilityType = NonNullable<
  NonNullable<operations['CoursesController_list']['parameters']['query']>['facilityType']
>;
/**
 * Every kind has a name in the catalogs (typed against the contract: a kind the api adds and the
 * catalogs lack fails the type-check), and the filter lists them in the catalog's order.
 */
const FACILITY_TYPE_NAMES: Record<FacilityType, string> = vi.facilityType;
export const FACILITY_TYPES = Object.keys(FACILITY_TYPE_NAMES) as FacilityType[];

export const isFacilityType = (value: string): value is FacilityType =>
  (FACILITY_TYPES as readonly string[]).includes(value);

/** What a person typed, as the api takes it: blanks trimmed and collapsed, at most 200 chars. */
export function cleanQuery(typed: string): string {
  return typed.replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX_LENGTH).trim();
}

export function readSearch(params: URLSearchParams): CatalogueSearch {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const facilityType = params.get('facilityType') ?? '';
  return {
    q: cleanQuery(params.get('q') ?? ''),
    province: params.get('province') ?? '',
    facilityType: isFacilityType(facilityType) ? facilityType : '',
    tag: (params.get('tag') ?? '').slice(0, 50),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The URL parameters of a search: empty fields left out, page 1 implied. */
export function searchParams(search: CatalogueSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.province) params.set('province', search.province);
  if (search.facilityType) params.set('facilityType', search.facilityType);
  if (search.tag) params.set('tag', search.tag);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The api query for a search. */
export function apiQuery(search: CatalogueSearch) {
  return {
    page: search.page,
    pageSize: PAGE_SIZE,
    ...(search.q ? { q: search.q } : {}),
    ...(search.province ? { adminUnitId: search.province } : {}),
    ...(isFacilityType(search.facilityType) ? { facilityType: search.facilityType } : {}),
    ...(search.tag ? { tag: search.tag } : {}),
  };
}
