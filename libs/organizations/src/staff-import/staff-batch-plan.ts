import { canonicalEmail } from '@lifelong/identity';
import { membershipChange, type Placement } from '../memberships/membership-change';
import type { LineError } from './staff-csv';
import type { PlacedStaffRow } from './staff-row-checker';

/** A person the database already knows, found by employee code or by email. */
export interface KnownPerson {
  userId: string;
  email: string;
  fullName: string;
  employeeCode: string | null;
  /** Has a password or has had a session: who they are is theirs now, not the import's. */
  signedIn: boolean;
}

export interface CurrentMembership extends Placement {
  id: string;
  userId: string;
  /** The materialized path of the current unit, to check it against the importer's scope. */
  orgUnitPath: string;
}

/** Whether the importer manages a unit, by its path (an admin's import manages every unit). */
export type ManagesUnit = (orgUnitPath: string) => boolean;

/** What the database holds for one batch's codes, emails and people. */
export interface StaffBatchState {
  /** Keyed by lower-cased employee code. */
  byEmployeeCode: ReadonlyMap<string, KnownPerson>;
  /** Keyed by (lower-cased) email. */
  byEmail: ReadonlyMap<string, KnownPerson>;
  /** Keyed by user id. */
  currentMemberships: ReadonlyMap<string, CurrentMembership>;
}

export interface PersonRecord {
  userId: string;
  email: string;
  fullName: string;
}

/** The writes one batch needs, and its counts. */
export interface StaffBatchPlan {
  newUsers: PersonRecord[];
  changedUsers: PersonRecord[];
  newProfiles: { userId: string; employeeCode: string }[];
  endedMembershipIds: string[];
  newMemberships: (Placement & { userId: string })[];
  errors: LineError[];
  created: number;
  updated: number;
}

type Match = { person: KnownPerson; isNew: boolean; matchedBy: string } | { problem: string };

/** Matches on employee code first, then on email; refuses an email that is someone else's. */
function matchPerson(row: PlacedStaffRow, state: StaffBatchState, newId: () => string): Match {
  const byCode = state.byEmployeeCode.get(row.employeeCode.toLowerCase());
  const byEmail = state.byEmail.get(row.email);
  const emailTaken = `email ${row.email} is already used by another person`;
  if (byCode)
    return byEmail && byEmail.userId !== byCode.userId
      ? { problem: emailTaken }
      : { person: byCode, isNew: false, matchedBy: `employee code ${row.employeeCode}` };
  if (byEmail)
    return byEmail.employeeCode !== null
      ? { problem: emailTaken }
      : { person: byEmail, isNew: false, matchedBy: row.email };
  const person = {
    userId: newId(),
    email: row.email,
    fullName: row.fullName,
    employeeCode: null,
    signedIn: false,
  };
  return { person, isNew: true, matchedBy: row.email };
}

/**
 * Who someone is never changes by a side door (domain.md, Accounts): an import only touches
 * people currently in a unit the importer manages, and never changes the email or name of an
 * account that has signed in. Null when the row may be applied.
 */
function sideDoorProblem(
  row: PlacedStaffRow,
  person: KnownPerson,
  current: CurrentMembership | undefined,
  manages: ManagesUnit | null,
  matchedBy: string,
): string | null {
  if (manages && !(current && manages(current.orgUnitPath)))
    return `${matchedBy} belongs to a person outside the units you manage; they were not changed`;
  if (!person.signedIn) return null;
  const signedIn = `${matchedBy} belongs to an account that has signed in: an import cannot change its`;
  if (canonicalEmail(person.email) !== row.email) return `${signedIn} email`;
  if (person.fullName !== row.fullName) return `${signedIn} name`;
  return null;
}

/**
 * Decides, without touching the database, what one batch of checked rows changes: people to
 * create or update, employee codes to attach, memberships to end and start. A row that matches
 * the database exactly changes nothing, which makes a re-run of the same file create nothing.
 */
export function planStaffBatch(
  rows: readonly PlacedStaffRow[],
  state: StaffBatchState,
  manages: ManagesUnit | null,
  newId: () => string,
): StaffBatchPlan {
  const plan: StaffBatchPlan = {
    newUsers: [],
    changedUsers: [],
    newProfiles: [],
    endedMembershipIds: [],
    newMemberships: [],
    errors: [],
    created: 0,
    updated: 0,
  };
  for (const row of rows) {
    const match = matchPerson(row, state, newId);
    if ('problem' in match) {
      plan.errors.push({ line: row.line, message: match.problem });
      continue;
    }
    const { person, isNew, matchedBy } = match;
    const current = state.currentMemberships.get(person.userId);
    const refused = isNew ? null : sideDoorProblem(row, person, current, manages, matchedBy);
    if (refused !== null) {
      plan.errors.push({ line: row.line, message: refused });
      continue;
    }
    const record = { userId: person.userId, email: row.email, fullName: row.fullName };
    const personChanged =
      !isNew && (person.email !== row.email || person.fullName !== row.fullName);
    if (isNew) plan.newUsers.push(record);
    else if (personChanged) plan.changedUsers.push(record);
    if (person.employeeCode === null)
      plan.newProfiles.push({ userId: person.userId, employeeCode: row.employeeCode });
    const wanted: Placement = {
      orgUnitId: row.orgUnitId,
      position: row.position,
      jobGrade: row.jobGrade,
    };
    const change = membershipChange(current, wanted);
    if (change === 'move' && current) plan.endedMembershipIds.push(current.id);
    if (change !== 'unchanged') plan.newMemberships.push({ userId: person.userId, ...wanted });
    if (isNew) plan.created += 1;
    else if (personChanged || person.employeeCode === null || change !== 'unchanged')
      plan.updated += 1;
  }
  return plan;
}
