import { Clock, newId } from '@lifelong/common';
import { recordEvent, sqlDateTime } from '@lifelong/database';
import { AccountBatchesRepository, type BatchAccount, canonicalEmail } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MembershipsRepository } from '../memberships/memberships.repository';
import {
  type CurrentMembership,
  type KnownPerson,
  type ManagesUnit,
  planStaffBatch,
  type StaffBatchPlan,
  type StaffBatchState,
} from './staff-batch-plan';
import { idsOnPath } from '../tree/tree-path';
import type { CheckedBatch, PlacedStaffRow } from './staff-row-checker';
import { StaffImportsRepository } from './staff-imports.repository';

/** The run that owns an import; another run's claim makes this one's writes fail. */
export interface ImportRun {
  importId: string;
  runToken: string;
  /** The org units the importer manages, fixed when they asked (null: every unit). */
  scopeOrgUnitIds: readonly string[] | null;
  /** Invite the people this import creates, on behalf of the importer; null: nobody. */
  invite: { by: string } | null;
}

/** This run lost its claim on the import to a newer run; it stops without writing. */
export class RunSupersededError extends Error {
  constructor(importId: string) {
    super(`Another run took over staff import ${importId}`);
    this.name = 'RunSupersededError';
  }
}

export interface BatchCounts {
  created: number;
  updated: number;
  failed: number;
}

const MESSAGE_MAX = 500;

/**
 * Writes one batch of an import in one transaction: a few set-based reads, multi-row inserts
 * and updates, the batch's line errors, and the import's progress. A crash leaves either the
 * whole batch and its progress or neither, so a retry resumes after the last written batch.
 */
@Injectable()
export class StaffBatchWriter {
  constructor(
    private readonly imports: StaffImportsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly clock: Clock,
    private readonly accounts: AccountBatchesRepository,
  ) {}

  write(run: ImportRun, batch: CheckedBatch, processed: number): Promise<BatchCounts> {
    return this.imports.transaction(async (manager) => {
      const owner = await this.imports.lockRunToken(manager, run.importId);
      if (owner !== run.runToken) throw new RunSupersededError(run.importId);
      const plan = planStaffBatch(
        batch.rows,
        await loadState(manager, this.memberships, this.accounts, batch.rows),
        managesUnit(run.scopeOrgUnitIds),
        newId,
      );
      await this.accounts.create(manager, plan.newUsers);
      await this.accounts.correct(manager, plan.changedUsers);
      await applyPlan(manager, this.memberships, plan, this.clock.now());
      // In the batch's transaction: an invitation exists exactly when its person does.
      if (run.invite)
        await this.accounts.invite(
          manager,
          plan.newUsers.map((user) => user.userId),
          run.invite.by,
        );
      const errors = [...batch.errors, ...plan.errors];
      if (errors.length > 0)
        await this.imports.insertErrors(
          manager,
          run.importId,
          errors.map((error) => ({
            line: error.line,
            message: error.message.slice(0, MESSAGE_MAX),
          })),
        );
      await this.imports.addProgress(manager, run.importId, processed, {
        created: plan.created,
        updated: plan.updated,
        failed: errors.length,
      });
      return { created: plan.created, updated: plan.updated, failed: errors.length };
    });
  }
}

/** The importer's reach over a unit path; null when they manage every unit. */
function managesUnit(scopeOrgUnitIds: readonly string[] | null): ManagesUnit | null {
  if (scopeOrgUnitIds === null) return null;
  const scope = new Set(scopeOrgUnitIds);
  return (orgUnitPath) => idsOnPath(orgUnitPath).some((id) => scope.has(id));
}

/**
 * What the batch finds of its people: by employee code (their staff profile, then identity's
 * account) and by email (identity's account, then any profile), with their current memberships.
 */
async function loadState(
  manager: EntityManager,
  memberships: MembershipsRepository,
  accounts: AccountBatchesRepository,
  rows: readonly PlacedStaffRow[],
): Promise<StaffBatchState> {
  if (rows.length === 0)
    return { byEmployeeCode: new Map(), byEmail: new Map(), currentMemberships: new Map() };
  const coded = await memberships.profilesByEmployeeCodes(
    manager,
    rows.map((row) => row.employeeCode),
  );
  const byCode = withCodes(
    await accounts.byIds(
      manager,
      coded.map((profile) => profile.userId),
    ),
    coded,
  );
  // The users collation compares accent-insensitively: key the matches by the canonical form.
  const emailed = await accounts.byEmails(
    manager,
    rows.map((row) => row.email),
  );
  const emailedCodes = emailed.length
    ? await memberships.profilesOfUsers(
        manager,
        emailed.map((account) => account.userId),
      )
    : [];
  const byEmail = withCodes(emailed, emailedCodes);
  const userIds = [...new Set([...byCode, ...byEmail].map((person) => person.userId))];
  const current: CurrentMembership[] = userIds.length
    ? await memberships.currentPlacements(manager, userIds)
    : [];
  return {
    byEmployeeCode: new Map(
      byCode.map((person) => [person.employeeCode?.toLowerCase() ?? '', person]),
    ),
    byEmail: new Map(byEmail.map((person) => [canonicalEmail(person.email), person])),
    currentMemberships: new Map(current.map((membership) => [membership.userId, membership])),
  };
}

/** Accounts with their staff profile's employee code (null: no profile). */
function withCodes(
  found: readonly BatchAccount[],
  profiles: readonly { userId: string; employeeCode: string }[],
): KnownPerson[] {
  const codes = new Map(profiles.map((profile) => [profile.userId, profile.employeeCode]));
  return found.map((account) => ({ ...account, employeeCode: codes.get(account.userId) ?? null }));
}

/** `2026-11-29 08:00:00.000` (UTC, as the connection stores times): formatted once per batch. */
async function applyPlan(
  manager: EntityManager,
  memberships: MembershipsRepository,
  plan: StaffBatchPlan,
  date: Date,
): Promise<void> {
  const now = sqlDateTime(date);
  if (plan.newProfiles.length > 0) await memberships.insertProfiles(manager, plan.newProfiles);
  if (plan.endedMembershipIds.length > 0)
    await memberships.endAll(manager, plan.endedMembershipIds, now);
  if (plan.newMemberships.length > 0) {
    await memberships.startAll(
      manager,
      plan.newMemberships.map((membership) => ({ id: newId(), ...membership })),
      now,
    );
    // One event for the batch (at most 1,000 people), not one per row.
    await recordEvent(manager, 'organizations.memberships-changed', {
      userIds: [...new Set(plan.newMemberships.map((membership) => membership.userId))],
    });
  }
}
