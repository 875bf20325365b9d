import { chunksOf, Clock, newId } from '@lifelong/common';
import { recordEvent, sqlDateTime } from '@lifelong/database';
import { EnrollMandatedMany } from '@lifelong/enrollment';
import { OrgUnitPaths } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequirementsService, type RequirementView } from '../requirements/requirements.service';
import { ASSIGN_CHUNK } from './assignment-sync.service';
import { TARGET_FROM, targetCondition } from './target-query';

interface Renewal {
  id: string;
  userId: string;
  cycle: number;
  enrollmentId: string | null;
  expiresAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * Recertification: when a completion enters its window (`windowDays` before it expires) and
 * the person is still in the target, the next cycle's assignment is made (due when the
 * completion expires, under the current version), the enrollment starts over, and the finished
 * cycle becomes history (closed, kept with its completion and certificate). A completion that
 * expired meanwhile (its holder was outside the target at the time) is renewed the same way.
 * A requirement with `windowDays` 0 has no recertification: completions expire and stay
 * `expired` (managers see them) until the requirement gets a window.
 */
@Injectable()
export class AssignmentRenewals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitPaths,
    private readonly requirements: RequirementsService,
    private readonly enrollments: EnrollMandatedMany,
    private readonly clock: Clock,
  ) {}

  async openDueRenewals(): Promise<number> {
    let renewed = 0;
    for (const requirementId of await this.requirements.allIds()) {
      const view = await this.requirements.find(requirementId);
      if (view.rules.windowDays > 0) renewed += await this.renew(view);
    }
    return renewed;
  }

  private async renew(view: RequirementView): Promise<number> {
    const { rules } = view;
    const unitPath = await this.orgUnits.pathOf(rules.orgUnitId);
    if (unitPath === null) return 0;
    const target = targetCondition(rules, unitPath);
    const now = this.clock.now();
    const due = await this.dataSource.query<Renewal[]>(
      `SELECT a.\`id\`, a.\`user_id\` AS userId, a.\`cycle\`, a.\`enrollment_id\` AS enrollmentId,
         a.\`expires_at\` AS expiresAt
       FROM \`training_assignments\` a
       WHERE a.\`requirement_id\` = ? AND a.\`closed_at\` IS NULL AND a.\`status\` IN ('completed', 'expired')
         AND a.\`expires_at\` IS NOT NULL AND a.\`expires_at\` <= ?
         AND EXISTS (SELECT 1 ${TARGET_FROM} WHERE m.\`user_id\` = a.\`user_id\` AND ${target.sql})`,
      [
        rules.requirementId,
        sqlDateTime(new Date(now.getTime() + rules.windowDays * DAY_MS)),
        ...target.params,
      ],
    );
    if (due.length === 0) return 0;
    const courseTitle = await this.requirements.courseTitle(rules.courseId);
    let renewed = 0;
    for (const chunk of chunksOf(due, ASSIGN_CHUNK))
      renewed += await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        const rows = chunk.map((old) => [
          newId(),
          rules.requirementId,
          rules.version,
          old.userId,
          old.cycle + 1,
          old.enrollmentId,
          'assigned',
          sqlDateTime(now),
          sqlDateTime(new Date(old.expiresAt)),
        ]);
        await manager.query(
          'INSERT IGNORE INTO `training_assignments` (`id`, `requirement_id`, `requirement_version`, `user_id`, `cycle`, `enrollment_id`, `status`, `assigned_at`, `due_at`) VALUES ?',
          [rows],
        );
        const mine = await manager.query<{ userId: string }[]>(
          'SELECT `user_id` AS userId FROM `training_assignments` WHERE `id` IN (?)',
          [rows.map((row) => row[0])],
        );
        await manager.query(
          'UPDATE `training_assignments` SET `closed_at` = ? WHERE `id` IN (?) AND `closed_at` IS NULL',
          [sqlDateTime(now), chunk.map((old) => old.id)],
        );
        const mineIds = new Set(mine.map((row) => row.userId));
        await this.enrollments.restart(
          manager,
          chunk.flatMap((old) =>
            old.enrollmentId && mineIds.has(old.userId) ? [old.enrollmentId] : [],
          ),
          now,
        );
        if (mine.length > 0)
          await recordEvent(manager, 'training.assigned', {
            requirementId: rules.requirementId,
            recipientIds: [...mineIds],
            title: rules.title,
            courseId: rules.courseId,
            courseTitle,
          });
        return mine.length;
      });
    return renewed;
  }
}
