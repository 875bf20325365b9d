import { Clock, newId } from '@lifelong/common';
import { recordEvent, sqlDateTime } from '@lifelong/database';
import { AccountBatchesRepository, type BatchAccount, canonicalEmail } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly accounts: AccountBatchesRepository,
  ) {}

  write(run: ImportRun, batch: CheckedBatch, processed: number): Promise<BatchCounts> {
    return this.dataSource.transaction(async (manager) => {
      const [owner] = await manager.query<{ runToken: string | null }[]>(
        'SELECT `run_token` AS runToken FROM `staff_imports` WHERE `id` = ? FOR UPDATE',
        [run.importId],
      );
      if (owner?.runToken !== run.runToken) throw new RunSupersededError(run.importId);
      const plan = planStaffBatch(
        batch.rows,
        await loadState(manager, this.accounts, batch.rows),
        managesUnit(run.scopeOrgUnitIds),
        newId,
      );
      await this.accounts.create(manager, plan.newUsers);
      await this.accounts.correct(manager, plan.changedUsers);
      await applyPlan(manager, plan, this.clock.now());
      // In the batch's transaction: an invitation exists exactly when its person does.
      if (run.invite)
        await this.accounts.invite(
          manager,
          plan.newUsers.map((user) => user.userId),
          run.invite.by,
        );
      const errors = [...batch.errors, ...plan.errors];
      if (errors.length > 0)
        await manager.query(
          'INSERT IGNORE INTO `staff_import_errors` (`import_id`, `line`, `message`) VALUES ?',
          [errors.map((error) => [run.importId, error.line, error.message.slice(0, MESSAGE_MAX)])],
        );
      await manager.query(
        'UPDATE `staff_imports` SET `processed` = ?, `created` = `created` + ?, `updated` = `updated` + ?, `failed` = `failed` + ? WHERE `id` = ?',
        [processed, plan.created, plan.updated, errors.length, run.importId],
      );
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
  accounts: AccountBatchesRepository,
  rows: readonly PlacedStaffRow[],
): Promise<StaffBatchState> {
  if (rows.length === 0)
    return { byEmployeeCode: new Map(), byEmail: new Map(), currentMemberships: new Map() };
  const coded = await manager.query<{ userId: string; employeeCode: string }[]>(
    'SELECT `user_id` AS userId, `employee_code` AS employeeCode FROM `staff_profiles` WHERE `employee_code` IN (?)',
    [rows.map((row) => row.employeeCode)],
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
    ? await manager.query<{ userId: string; employeeCode: string }[]>(
        'SELECT `user_id` AS userId, `employee_code` AS employeeCode FROM `staff_profiles` WHERE `user_id` IN (?)',
        [emailed.map((account) => account.userId)],
      )
    : [];
  const byEmail = withCodes(emailed, emailedCodes);
  const userIds = [...new Set([...byCode, ...byEmail].map((person) => person.userId))];
  const memberships = userIds.length
    ? await manager.query<CurrentMembership[]>(
        'SELECT m.`id`, m.`user_id` AS userId, m.`org_unit_id` AS orgUnitId, m.`position`, m.`job_grade` AS jobGrade, o.`path` AS orgUnitPath FROM `memberships` m JOIN `org_units` o ON o.`id` = m.`org_unit_id` WHERE m.`current_user_id` IN (?)',
        [userIds],
      )
    : [];
  return {
    byEmployeeCode: new Map(
      byCode.map((person) => [person.employeeCode?.toLowerCase() ?? '', person]),
    ),
    byEmail: new Map(byEmail.map((person) => [canonicalEmail(person.email), person])),
    currentMemberships: new Map(memberships.map((membership) => [membership.userId, membership])),
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
async function applyPlan(manager: EntityManager, plan: StaffBatchPlan, date: Date): Promise<void> {
  const now = sqlDateTime(date);
  if (plan.newProfiles.length > 0)
    await manager.query('INSERT INTO `staff_profiles` (`user_id`, `employee_code`) VALUES ?', [
      plan.newProfiles.map((profile) => [profile.userId, profile.employeeCode]),
    ]);
  if (plan.endedMembershipIds.length > 0)
    await manager.query(
      'UPDATE `memberships` SET `ended_at` = ?, `current_user_id` = NULL WHERE `id` IN (?)',
      [now, plan.endedMembershipIds],
    );
  if (plan.newMemberships.length > 0) {
    await manager.query(
      'INSERT INTO `memberships` (`id`, `user_id`, `org_unit_id`, `position`, `job_grade`, `started_at`, `current_user_id`) VALUES ?',
      [
        plan.newMemberships.map((membership) => [
          newId(),
          membership.userId,
          membership.orgUnitId,
          membership.position,
          membership.jobGrade,
          now,
          membership.userId,
        ]),
      ],
    );
    // One event for the batch (at most 1,000 people), not one per row.
    await recordEvent(manager, 'organizations.memberships-changed', {
      userIds: [...new Set(plan.newMemberships.map((membership) => membership.userId))],
    });
  }
}
