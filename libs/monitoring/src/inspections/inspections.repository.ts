import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ActionStatus,
  Criterion,
  InspectionStatus,
  InspectionTarget,
} from './inspection-rules';

/**
 * Ids are UUIDs in ascii columns: anything else names no row, and a character outside ascii
 * could not even be compared with them (MariaDB refuses the mix of character sets).
 */
const namesARow = (id: string): boolean => isUUID(id);

/** An inspection's own row. */
export interface InspectionRow {
  id: string;
  targetType: InspectionTarget;
  targetId: string;
  targetName: string;
  plannedOn: string;
  team: string[];
  status: InspectionStatus;
  summary: string | null;
  plannedBy: string;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date;
}

/** A follow-up action's row, with what its list shows of the inspection. */
export interface ActionRow {
  id: string;
  inspectionId: string;
  targetType: InspectionTarget;
  targetId: string;
  targetName: string;
  title: string;
  ownerId: string;
  dueOn: string;
  status: ActionStatus;
  closingNote: string | null;
  closedAt: Date | null;
  closedBy: string | null;
}

/** A stored evidence file's row. */
export interface EvidenceRow {
  id: string;
  inspectionId: string;
  criterion: number | null;
  actionId: string | null;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
}

/**
 * Which inspections a list may show: an SQL condition on `i` (the inspection) and its
 * parameters, made from the caller's scopes; `everywhere` needs none.
 */
export type InspectionReach =
  | { everywhere: true }
  | {
      everywhere: false;
      facilityIds: string[];
      /** `LIKE` patterns of administrative-unit subtrees (facilities inside them). */
      adminUnitPatterns: string[];
      /** `LIKE` patterns of org-unit subtrees. */
      orgUnitPatterns: string[];
    };

const json = <T>(value: string | T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

const SELECT_INSPECTION =
  'SELECT i.`id`, i.`target_type` AS targetType, i.`target_id` AS targetId, i.`target_name` AS targetName, ' +
  "DATE_FORMAT(i.`planned_on`, '%Y-%m-%d') AS plannedOn, i.`team`, i.`status`, i.`summary`, " +
  'i.`planned_by` AS plannedBy, i.`published_at` AS publishedAt, i.`published_by` AS publishedBy, ' +
  'i.`updated_at` AS updatedAt FROM `monitoring_inspections` i';

const SELECT_ACTION =
  'SELECT a.`id`, a.`inspection_id` AS inspectionId, i.`target_type` AS targetType, i.`target_id` AS targetId, ' +
  "i.`target_name` AS targetName, a.`title`, a.`owner_id` AS ownerId, DATE_FORMAT(a.`due_on`, '%Y-%m-%d') AS dueOn, " +
  'a.`status`, a.`closing_note` AS closingNote, a.`closed_at` AS closedAt, a.`closed_by` AS closedBy ' +
  'FROM `monitoring_inspection_actions` a JOIN `monitoring_inspections` i ON i.`id` = a.`inspection_id`';

const SELECT_EVIDENCE =
  'SELECT `id`, `inspection_id` AS inspectionId, `criterion`, `action_id` AS actionId, `storage_key` AS storageKey, ' +
  '`file_name` AS fileName, `content_type` AS contentType, `size`, `uploaded_at` AS uploadedAt ' +
  'FROM `monitoring_inspection_evidence`';

const inspectionOf = (row: InspectionRow): InspectionRow => ({ ...row, team: json(row.team) });
const evidenceOf = (row: EvidenceRow): EvidenceRow => ({
  ...row,
  criterion: row.criterion === null ? null : Number(row.criterion),
  size: Number(row.size),
});

/** The condition that keeps a list within `reach`, with its parameters. */
function reachCondition(reach: InspectionReach): { sql: string; params: unknown[] } | null {
  if (reach.everywhere) return { sql: '1 = 1', params: [] };
  const within: string[] = [];
  const params: unknown[] = [];
  for (const id of reach.facilityIds) {
    within.push("(i.`target_type` = 'facility' AND i.`target_id` = ?)");
    params.push(id);
  }
  for (const pattern of reach.adminUnitPatterns) {
    within.push(
      "(i.`target_type` = 'facility' AND i.`target_id` IN (SELECT f.`id` FROM `facilities_view` f " +
        'JOIN `admin_units_view` u ON u.`id` = f.`admin_unit_id` WHERE u.`path` LIKE ?))',
    );
    params.push(pattern);
  }
  for (const pattern of reach.orgUnitPatterns) {
    within.push(
      "(i.`target_type` = 'org_unit' AND i.`target_id` IN (SELECT o.`id` FROM `org_units_view` o WHERE o.`path` LIKE ?))",
    );
    params.push(pattern);
  }
  return within.length === 0 ? null : { sql: `(${within.join(' OR ')})`, params };
}

/** Queries on inspections, their criteria, actions and evidence. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class InspectionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The org unit's name and path; null when there is none. */
  async orgUnit(orgUnitId: string): Promise<{ name: string; path: string } | null> {
    const [row] = await this.dataSource.query<{ name: string; path: string }[]>(
      'SELECT `name`, `path` FROM `org_units_view` WHERE `id` = ?',
      [orgUnitId],
    );
    return row ?? null;
  }

  async insertInspection(
    manager: EntityManager,
    inspection: Omit<InspectionRow, 'publishedAt' | 'publishedBy' | 'summary' | 'updatedAt'>,
    criteria: readonly Pick<Criterion, 'label' | 'weight'>[],
    now: Date,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO `monitoring_inspections` (`id`, `target_type`, `target_id`, `target_name`, `planned_on`, ' +
        '`team`, `status`, `planned_by`, `created_at`, `updated_at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        inspection.id,
        inspection.targetType,
        inspection.targetId,
        inspection.targetName,
        inspection.plannedOn,
        JSON.stringify(inspection.team),
        inspection.status,
        inspection.plannedBy,
        now,
        now,
      ],
    );
    await manager.query(
      'INSERT INTO `monitoring_inspection_criteria` (`inspection_id`, `position`, `label`, `weight`) VALUES ?',
      [
        criteria.map((criterion, index) => [
          inspection.id,
          index + 1,
          criterion.label,
          criterion.weight,
        ]),
      ],
    );
  }

  /** The inspection, locked for update when asked. */
  async find(
    id: string,
    manager?: EntityManager,
    forUpdate = false,
  ): Promise<InspectionRow | null> {
    if (!namesARow(id)) return null;
    const [row] = await (manager ?? this.dataSource.manager).query<InspectionRow[]>(
      `${SELECT_INSPECTION} WHERE i.\`id\` = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ? inspectionOf(row) : null;
  }

  async criteria(inspectionId: string, manager?: EntityManager): Promise<Criterion[]> {
    const rows = await (manager ?? this.dataSource.manager).query<Criterion[]>(
      'SELECT `position`, `label`, `weight`, `score`, `note` FROM `monitoring_inspection_criteria` ' +
        'WHERE `inspection_id` = ? ORDER BY `position`',
      [inspectionId],
    );
    return rows.map((row) => ({
      ...row,
      position: Number(row.position),
      weight: Number(row.weight),
      score: row.score === null ? null : Number(row.score),
    }));
  }

  async recordScores(
    manager: EntityManager,
    inspectionId: string,
    scores: readonly Pick<Criterion, 'position' | 'score' | 'note'>[],
    summary: string | null,
    now: Date,
  ): Promise<void> {
    for (const { position, score, note } of scores)
      await manager.query(
        'UPDATE `monitoring_inspection_criteria` SET `score` = ?, `note` = ? WHERE `inspection_id` = ? AND `position` = ?',
        [score, note, inspectionId, position],
      );
    await manager.query(
      'UPDATE `monitoring_inspections` SET `summary` = ?, `updated_at` = ? WHERE `id` = ?',
      [summary, now, inspectionId],
    );
  }

  async markPublished(
    manager: EntityManager,
    inspectionId: string,
    userId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      "UPDATE `monitoring_inspections` SET `status` = 'published', `published_at` = ?, `published_by` = ?, " +
        '`updated_at` = ? WHERE `id` = ?',
      [now, userId, now, inspectionId],
    );
  }

  /** Inspections within `reach` (and of `status` when given), the latest planned first. */
  async page(
    reach: InspectionReach,
    query: PageQuery & { status?: InspectionStatus },
  ): Promise<Page<InspectionRow>> {
    const condition = reachCondition(reach);
    if (!condition) return toPage([], 0, query);
    const filters = [condition.sql];
    const params = [...condition.params];
    if (query.status) {
      filters.push('i.`status` = ?');
      params.push(query.status);
    }
    const where = `WHERE ${filters.join(' AND ')}`;
    const [count] = await this.dataSource.query<{ total: number | string }[]>(
      `SELECT COUNT(*) AS total FROM \`monitoring_inspections\` i ${where}`,
      params,
    );
    const rows = await this.dataSource.query<InspectionRow[]>(
      `${SELECT_INSPECTION} ${where} ORDER BY i.\`planned_on\` DESC, i.\`id\` DESC LIMIT ? OFFSET ?`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return toPage(rows.map(inspectionOf), Number(count?.total ?? 0), query);
  }

  async insertAction(
    manager: EntityManager,
    action: { id: string; inspectionId: string; title: string; ownerId: string; dueOn: string },
    now: Date,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO `monitoring_inspection_actions` (`id`, `inspection_id`, `title`, `owner_id`, `due_on`, `status`, `created_at`) ' +
        "VALUES (?, ?, ?, ?, ?, 'open', ?)",
      [action.id, action.inspectionId, action.title, action.ownerId, action.dueOn, now],
    );
  }

  async actions(inspectionId: string): Promise<ActionRow[]> {
    return this.dataSource.query<ActionRow[]>(
      `${SELECT_ACTION} WHERE a.\`inspection_id\` = ? ORDER BY a.\`due_on\`, a.\`id\``,
      [inspectionId],
    );
  }

  /** The action, locked for update when asked. */
  async findAction(
    id: string,
    manager?: EntityManager,
    forUpdate = false,
  ): Promise<ActionRow | null> {
    if (!namesARow(id)) return null;
    const [row] = await (manager ?? this.dataSource.manager).query<ActionRow[]>(
      `${SELECT_ACTION} WHERE a.\`id\` = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async closeAction(
    manager: EntityManager,
    actionId: string,
    note: string | null,
    userId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      "UPDATE `monitoring_inspection_actions` SET `status` = 'closed', `closing_note` = ?, `closed_at` = ?, " +
        '`closed_by` = ? WHERE `id` = ?',
      [note, now, userId, actionId],
    );
  }

  /** Open actions due before `today` within `reach`, the longest overdue first. */
  async overdue(reach: InspectionReach, today: string, query: PageQuery): Promise<Page<ActionRow>> {
    const condition = reachCondition(reach);
    if (!condition) return toPage([], 0, query);
    const where =
      "WHERE a.`status` = 'open' AND a.`due_on` < ? AND i.`status` = 'published' AND " +
      condition.sql;
    const params = [today, ...condition.params];
    const [count] = await this.dataSource.query<{ total: number | string }[]>(
      'SELECT COUNT(*) AS total FROM `monitoring_inspection_actions` a ' +
        `JOIN \`monitoring_inspections\` i ON i.\`id\` = a.\`inspection_id\` ${where}`,
      params,
    );
    const rows = await this.dataSource.query<ActionRow[]>(
      `${SELECT_ACTION} ${where} ORDER BY a.\`due_on\`, a.\`id\` LIMIT ? OFFSET ?`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return toPage(rows, Number(count?.total ?? 0), query);
  }

  /**
   * Open actions of published inspections due from `from` to `to` (`YYYY-MM-DD`, inclusive;
   * `from` null for any day up to `to`) that none of `steps` has reminded yet; at most `limit`.
   */
  async toRemind(
    from: string | null,
    to: string,
    steps: readonly string[],
    limit: number,
  ): Promise<(ActionRow & { plannedBy: string })[]> {
    return this.dataSource.query<(ActionRow & { plannedBy: string })[]>(
      SELECT_ACTION.replace(' FROM ', ', i.`planned_by` AS plannedBy FROM ') +
        " WHERE a.`status` = 'open' AND i.`status` = 'published' AND " +
        `${from === null ? '' : 'a.`due_on` >= ? AND '}a.\`due_on\` <= ? AND NOT EXISTS ` +
        '(SELECT 1 FROM `monitoring_action_reminders` n WHERE n.`action_id` = a.`id` AND n.`step` IN (?)) ' +
        'ORDER BY a.`id` LIMIT ?',
      [...(from === null ? [] : [from]), to, steps, limit],
    );
  }

  /** Writes the ledger row of `step` for the action; false when another run already did. */
  async claimReminder(
    manager: EntityManager,
    actionId: string,
    step: string,
    now: Date,
  ): Promise<boolean> {
    const result = await manager.query<{ affectedRows: number }>(
      'INSERT IGNORE INTO `monitoring_action_reminders` (`action_id`, `step`, `sent_at`) VALUES (?, ?, ?)',
      [actionId, step, now],
    );
    return result.affectedRows === 1;
  }

  async insertEvidence(
    evidence: Omit<EvidenceRow, 'uploadedAt'> & { uploadedBy: string },
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO `monitoring_inspection_evidence` (`id`, `inspection_id`, `criterion`, `action_id`, `storage_key`, ' +
        '`file_name`, `content_type`, `size`, `uploaded_by`, `uploaded_at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        evidence.id,
        evidence.inspectionId,
        evidence.criterion,
        evidence.actionId,
        evidence.storageKey,
        evidence.fileName,
        evidence.contentType,
        evidence.size,
        evidence.uploadedBy,
        now,
      ],
    );
  }

  /** Every evidence file of the inspection (its criteria's and its actions'), oldest first. */
  async evidence(inspectionId: string): Promise<EvidenceRow[]> {
    const rows = await this.dataSource.query<EvidenceRow[]>(
      `${SELECT_EVIDENCE} WHERE \`inspection_id\` = ? ORDER BY \`uploaded_at\`, \`id\``,
      [inspectionId],
    );
    return rows.map(evidenceOf);
  }

  async countActionEvidence(manager: EntityManager, actionId: string): Promise<number> {
    const [row] = await manager.query<{ total: number | string }[]>(
      'SELECT COUNT(*) AS total FROM `monitoring_inspection_evidence` WHERE `action_id` = ?',
      [actionId],
    );
    return Number(row?.total ?? 0);
  }

  async findEvidence(id: string): Promise<EvidenceRow | null> {
    if (!namesARow(id)) return null;
    const [row] = await this.dataSource.query<EvidenceRow[]>(
      `${SELECT_EVIDENCE} WHERE \`id\` = ?`,
      [id],
    );
    return row ? evidenceOf(row) : null;
  }
}
