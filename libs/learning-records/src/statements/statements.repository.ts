import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LINK_KINDS, type LinkKind, type StatementLink } from './statement-keys';

/** A statement ready to insert: its JSON and the keys the filters read. */
export interface StatementRow {
  statementId: Buffer;
  clientId: string;
  actorHash: Buffer | null;
  verbHash: Buffer;
  activityHash: Buffer | null;
  registration: Buffer | null;
  voidsStatementId: Buffer | null;
  stored: Date;
  timestamp: Date;
  contentHash: Buffer;
  statement: string;
  links: StatementLink[];
  /** The statement a StatementRef object targets (voiding statements included). */
  refersTo: Buffer | null;
}

/** What a write needs to know about a statement already stored. */
export interface KnownStatement {
  statementId: Buffer;
  clientId: string;
  contentHash: Buffer;
  voidsStatementId: Buffer | null;
  voided: boolean;
}

/** A stored statement as read back. */
export interface ReadStatement {
  seq: string;
  statement: string;
  stored: Date;
}

/** A query over statements, already turned into index keys. */
export interface StatementFilter {
  /** Only statements this client stored (a `statements/read/mine` client). */
  clientId?: string;
  agent?: { hash: Buffer; related: boolean };
  verbHash?: Buffer;
  activity?: { hash: Buffer; related: boolean };
  registration?: Buffer;
  since?: Date;
  until?: Date;
  ascending: boolean;
  /** Continue after this stored order (a `more` cursor). */
  afterSeq?: string;
  limit: number;
}

interface KnownRow {
  statement_id: Buffer;
  client_id: string;
  content_hash: Buffer;
  voids_statement_id: Buffer | null;
  voided: number;
}

/** The queries of `xapi_statements` and `xapi_statement_links`. */
@Injectable()
export class StatementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The statements with these ids, locked until the writing transaction ends. */
  async known(manager: EntityManager, ids: readonly Buffer[]): Promise<KnownStatement[]> {
    if (ids.length === 0) return [];
    const rows: KnownRow[] = await manager.query(
      'SELECT `statement_id`, `client_id`, `content_hash`, `voids_statement_id`, `voided` ' +
        'FROM `xapi_statements` WHERE `statement_id` IN (?) FOR UPDATE',
      [ids],
    );
    return rows.map((row) => ({
      statementId: row.statement_id,
      clientId: row.client_id,
      contentHash: row.content_hash,
      voidsStatementId: row.voids_statement_id,
      voided: Number(row.voided) === 1,
    }));
  }

  /** Inserts statements in order (so `seq` follows the order sent) with their links. */
  async insert(manager: EntityManager, rows: readonly StatementRow[]): Promise<void> {
    const links: unknown[][] = [];
    for (const row of rows) {
      const result = await manager.query<{ insertId: number | string }>(
        'INSERT INTO `xapi_statements` (`statement_id`, `client_id`, `actor_hash`, `verb_hash`, ' +
          '`activity_hash`, `registration`, `voids_statement_id`, `stored`, `timestamp`, ' +
          '`content_hash`, `statement`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          row.statementId,
          row.clientId,
          row.actorHash,
          row.verbHash,
          row.activityHash,
          row.registration,
          row.voidsStatementId,
          row.stored,
          row.timestamp,
          row.contentHash,
          row.statement,
        ],
      );
      for (const link of row.links) links.push([link.kind, link.hash, String(result.insertId)]);
      if (row.refersTo)
        await manager.query(
          'INSERT INTO `xapi_statement_refs` (`seq`, `target_statement_id`) VALUES (?, ?)',
          [String(result.insertId), row.refersTo],
        );
    }
    if (links.length)
      await manager.query(
        'INSERT INTO `xapi_statement_links` (`kind`, `target_hash`, `seq`) VALUES ?',
        [links],
      );
  }

  async markVoided(manager: EntityManager, ids: readonly Buffer[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('UPDATE `xapi_statements` SET `voided` = 1 WHERE `statement_id` IN (?)', [
      ids,
    ]);
  }

  /** One statement by id, if it is voided (or not) as asked. */
  async one(
    statementId: Buffer,
    voided: boolean,
    clientId?: string,
  ): Promise<ReadStatement | null> {
    const rows: ReadStatement[] = await this.dataSource.query(
      'SELECT `seq`, `statement`, `stored` FROM `xapi_statements` ' +
        'WHERE `statement_id` = ? AND `voided` = ?' +
        (clientId === undefined ? '' : ' AND `client_id` = ?'),
      clientId === undefined
        ? [statementId, voided ? 1 : 0]
        : [statementId, voided ? 1 : 0, clientId],
    );
    return rows[0] ?? null;
  }

  /** Statements (not voided) whose actor is this one, newest first, by offset. */
  ofActor(actorHash: Buffer, page: { offset: number; limit: number }): Promise<ReadStatement[]> {
    return this.dataSource.query(
      'SELECT `seq`, `statement`, `stored` FROM `xapi_statements` ' +
        'WHERE `actor_hash` = ? AND `voided` = 0 ORDER BY `seq` DESC LIMIT ? OFFSET ?',
      [actorHash, page.limit, page.offset],
    );
  }

  async countOfActor(actorHash: Buffer): Promise<number> {
    const [row] = await this.dataSource.query<{ total: string | number }[]>(
      'SELECT COUNT(*) AS `total` FROM `xapi_statements` WHERE `actor_hash` = ? AND `voided` = 0',
      [actorHash],
    );
    return Number(row?.total ?? 0);
  }

  /** The next `limit` statements (not voided) of this actor after `afterSeq`, oldest first. */
  ofActorAscending(
    actorHash: Buffer,
    afterSeq: string | undefined,
    limit: number,
  ): Promise<ReadStatement[]> {
    return this.dataSource.query(
      'SELECT `seq`, `statement`, `stored` FROM `xapi_statements` ' +
        'WHERE `actor_hash` = ? AND `seq` > ? AND `voided` = 0 ORDER BY `seq` LIMIT ?',
      [actorHash, afterSeq ?? '0', limit],
    );
  }

  /**
   * A page of statements that are not voided, in stored order, one more than `limit` (to tell
   * whether there is a next page). The agent and related-activity filters join their index
   * rows, so each filter is an index range and nothing reads the statements' JSON to match.
   * With a filter other than time (agent, verb, activity, registration), a statement whose
   * StatementRef targets a matching statement, voided or not, matches too (xAPI 2.0,
   * Communication 2.1.3): a second branch reads the referring statements newest first from
   * `xapi_statement_refs` and checks their targets by primary key.
   */
  async query(filter: StatementFilter): Promise<ReadStatement[]> {
    const order = filter.ascending ? 'ASC' : 'DESC';
    const limit = filter.limit + 1;
    const direct = matching('s', filter);
    const own = pageOf('s', filter);
    const first =
      `SELECT s.\`seq\`, s.\`statement\`, s.\`stored\` FROM \`xapi_statements\` s ${direct.joins} ` +
      `WHERE ${['s.`voided` = 0', ...direct.where, ...own.where].join(' AND ')} ` +
      `ORDER BY s.\`seq\` ${order} LIMIT ?`;
    const firstParams = [...direct.params, ...own.params, limit];
    if (direct.where.length === 0 && direct.joins === '')
      return this.dataSource.query(first, firstParams);
    const target = matching('t', filter);
    const referring = pageOf('x', filter, 's');
    const second =
      `SELECT s.\`seq\`, s.\`statement\`, s.\`stored\` FROM \`xapi_statement_refs\` x ` +
      'JOIN `xapi_statements` s ON s.`seq` = x.`seq` ' +
      `JOIN \`xapi_statements\` t ON t.\`statement_id\` = x.\`target_statement_id\` ${target.joins} ` +
      `WHERE ${['s.`voided` = 0', ...target.where, ...referring.where].join(' AND ')} ` +
      `ORDER BY x.\`seq\` ${order} LIMIT ?`;
    return this.dataSource.query(
      `SELECT u.\`seq\`, u.\`statement\`, u.\`stored\` FROM ((${first}) UNION (${second})) u ` +
        `ORDER BY u.\`seq\` ${order} LIMIT ?`,
      [...firstParams, ...target.params, ...referring.params, limit, limit],
    );
  }
}

/** SQL pieces: joins, conditions, and their parameters in order (joins' first). */
interface Clauses {
  joins: string;
  where: string[];
  params: unknown[];
}

/** What a statement (as `alias`) must be to match the query's agent, verb, activity, registration. */
function matching(alias: string, filter: StatementFilter): Clauses {
  const joins: string[] = [];
  const where: string[] = [];
  const params: unknown[] = [];
  const link = (name: string, kind: LinkKind, hash: Buffer): void => {
    joins.push(
      `JOIN \`xapi_statement_links\` ${name} ON ${name}.\`kind\` = ? AND ${name}.\`target_hash\` = ? AND ${name}.\`seq\` = ${alias}.\`seq\``,
    );
    params.push(kind, hash);
  };
  if (filter.agent)
    link(
      `${alias}la`,
      filter.agent.related ? LINK_KINDS.relatedAgent : LINK_KINDS.agent,
      filter.agent.hash,
    );
  if (filter.activity?.related)
    link(`${alias}lb`, LINK_KINDS.relatedActivity, filter.activity.hash);
  const equal = (column: string, value: unknown): void => {
    where.push(`${alias}.\`${column}\` = ?`);
    params.push(value);
  };
  if (filter.activity && !filter.activity.related) equal('activity_hash', filter.activity.hash);
  if (filter.verbHash) equal('verb_hash', filter.verbHash);
  if (filter.registration) equal('registration', filter.registration);
  return { joins: joins.join(' '), where, params };
}

/**
 * The conditions on the statements answered, as `alias` (its `seq`) and `statement` (the rest):
 * the client's own, the time bounds and where the previous page ended.
 */
function pageOf(alias: string, filter: StatementFilter, statement = alias): Clauses {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.clientId !== undefined) {
    where.push(`${statement}.\`client_id\` = ?`);
    params.push(filter.clientId);
  }
  if (filter.since) {
    where.push(`${statement}.\`stored\` > ?`);
    params.push(filter.since);
  }
  if (filter.until) {
    where.push(`${statement}.\`stored\` <= ?`);
    params.push(filter.until);
  }
  if (filter.afterSeq !== undefined) {
    where.push(filter.ascending ? `${alias}.\`seq\` > ?` : `${alias}.\`seq\` < ?`);
    params.push(filter.afterSeq);
  }
  return { joins: '', where, params };
}
