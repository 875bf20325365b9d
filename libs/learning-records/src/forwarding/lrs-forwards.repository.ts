import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { keyHash } from '../statements/statement-keys';
import type { LrsForward } from './lrs-forward';

interface ForwardRow {
  id: string;
  name: string;
  endpoint: string;
  basic_key: string;
  basic_secret: string;
  verbs: string | null;
  forwarded_seq: string | number;
  last_error: string | null;
  created_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS =
  '`id`, `name`, `endpoint`, `basic_key`, `verbs`, `forwarded_seq`, `last_error`, `created_by`, `created_at`, `revoked_at`';

const toForward = (row: ForwardRow): LrsForward => ({
  id: row.id,
  name: row.name,
  endpoint: row.endpoint,
  key: row.basic_key,
  verbs: row.verbs === null ? null : (JSON.parse(row.verbs) as string[]),
  forwardedSeq: String(row.forwarded_seq),
  lastError: row.last_error,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
});

/** A statement to forward: its stored order and JSON as stored. */
export interface ForwardedStatement {
  seq: string;
  statement: string;
}

/** The `lrs_forwards` queries, and the read of the statements a forward sends next. */
@Injectable()
export class LrsForwardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, forward: LrsForward, secret: string): Promise<void> {
    await manager.query(
      'INSERT INTO `lrs_forwards` (`id`, `name`, `endpoint`, `basic_key`, `basic_secret`, `verbs`, ' +
        '`forwarded_seq`, `created_by`, `created_at`) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)',
      [
        forward.id,
        forward.name,
        forward.endpoint,
        forward.key,
        secret,
        forward.verbs === null ? null : JSON.stringify(forward.verbs),
        forward.createdBy,
        forward.createdAt,
      ],
    );
  }

  async byId(manager: EntityManager, id: string): Promise<LrsForward | null> {
    const rows: ForwardRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM \`lrs_forwards\` WHERE \`id\` = ? FOR UPDATE`,
      [id],
    );
    return rows[0] ? toForward(rows[0]) : null;
  }

  /** An active forward with its secret, for sending. */
  async activeWithSecret(id: string): Promise<{ forward: LrsForward; secret: string } | null> {
    const rows: ForwardRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, \`basic_secret\` FROM \`lrs_forwards\` WHERE \`id\` = ? AND \`revoked_at\` IS NULL`,
      [id],
    );
    const row = rows[0];
    return row ? { forward: toForward(row), secret: row.basic_secret } : null;
  }

  async activeIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT `id` FROM `lrs_forwards` WHERE `revoked_at` IS NULL ORDER BY `created_at`',
    );
    return rows.map((row) => row.id);
  }

  async page(offset: number, limit: number): Promise<{ items: LrsForward[]; total: number }> {
    const rows: ForwardRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM \`lrs_forwards\` ORDER BY \`created_at\` DESC, \`id\` DESC LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    const [count] = await this.dataSource.query<{ total: string | number }[]>(
      'SELECT COUNT(*) AS `total` FROM `lrs_forwards`',
    );
    return { items: rows.map(toForward), total: Number(count?.total ?? 0) };
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      'UPDATE `lrs_forwards` SET `revoked_at` = ? WHERE `id` = ? AND `revoked_at` IS NULL',
      [at, id],
    );
  }

  /** The next statements after `afterSeq` in stored order (voided ones too), of these verbs. */
  next(afterSeq: string, verbs: string[] | null, limit: number): Promise<ForwardedStatement[]> {
    const byVerb = verbs === null ? '' : ' AND `verb_hash` IN (?)';
    const params: unknown[] = [afterSeq];
    if (verbs !== null) params.push(verbs.map((verb) => keyHash(verb)));
    params.push(limit);
    return this.dataSource.query(
      'SELECT `seq`, `statement` FROM `xapi_statements` WHERE `seq` > ?' +
        `${byVerb} ORDER BY \`seq\` LIMIT ?`,
      params,
    );
  }

  /** Moves the cursor forward (never back: two runs at once cannot undo each other). */
  async advance(id: string, seq: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE `lrs_forwards` SET `forwarded_seq` = GREATEST(`forwarded_seq`, ?), `last_error` = NULL WHERE `id` = ?',
      [seq, id],
    );
  }

  async failed(id: string, error: string): Promise<void> {
    await this.dataSource.query('UPDATE `lrs_forwards` SET `last_error` = ? WHERE `id` = ?', [
      error.slice(0, 1000),
      id,
    ]);
  }
}
