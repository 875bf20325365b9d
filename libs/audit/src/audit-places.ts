import type { EntityManager } from 'typeorm';

/**
 * Where the subject of an entry belongs, as far as the recorder knows it: a person (placed by
 * their current membership), an org unit, a facility, an administrative unit. Any may be left
 * out; {@link AuditPlaces} fills in the rest.
 */
export interface AuditPlace {
  userId?: string;
  orgUnitId?: string | null;
  facilityId?: string | null;
  adminUnitId?: string | null;
}

/** A place with its tree paths, as stored on the entry. */
export interface ResolvedPlace {
  orgUnitId: string | null;
  orgUnitPath: string | null;
  facilityId: string | null;
  adminUnitId: string | null;
  adminUnitPath: string | null;
}

export const NO_PLACE: ResolvedPlace = {
  orgUnitId: null,
  orgUnitPath: null,
  facilityId: null,
  adminUnitId: null,
  adminUnitPath: null,
};

/**
 * Resolves a place against the organization trees: a person's current org unit, a facility's
 * administrative unit, and the paths of both. Audit sits below organizations, so organizations
 * binds the implementation in its global module (as it does identity's ScopeHierarchy).
 */
export abstract class AuditPlaces {
  /** Reads with `manager`, inside the transaction of the change being audited. */
  abstract resolve(manager: EntityManager, place: AuditPlace): Promise<ResolvedPlace>;
}
