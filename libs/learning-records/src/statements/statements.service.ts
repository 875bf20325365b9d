import { randomUUID } from 'node:crypto';
import { AppConfig, Clock, type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { isDuplicateKey, retryOnDeadlock } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LrsClient } from '../clients/lrs-client';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { attachmentHashes, matchAttachmentParts } from '../attachments/statement-attachments';
import type { AttachmentPart } from '../attachments/statement-request';
import { assertStatementsWithinLaunch } from '../launch/launch-rules';
import { LaunchSessionsRef } from '../launch/launch-sessions-ref.service';
import { LearningRecordsError } from '../learning-records-error';
import { formatStatement, withContextActivityLists } from './statement-format';
import {
  activityHash,
  agentHash,
  contentHash,
  keyHash,
  statementLinks,
  uuidBytes,
} from './statement-keys';
import {
  decodeCursor,
  encodeCursor,
  parseStatementQuery,
  type StatementFormat,
  type StatementQueryParams,
} from './statement-query';
import { checkStatement, isUuid, type JsonObject, VOIDED_VERB } from './statement-rules';
import {
  type KnownStatement,
  type ReadStatement,
  type StatementRow,
  StatementsRepository,
} from './statements.repository';

/** The version this store speaks, in statements it completes and in its headers. */
export const XAPI_VERSION = '2.0.0';

/** One page of a statement query, as the Statement Result object plus the headers' facts. */
export interface StatementPage {
  statements: JsonObject[];
  /** The next page's cursor, or null on the last page. */
  more: string | null;
  consistentThrough: Date;
  lastModified: Date;
  /** attachments=true: the contents the statements' attachments name, answered as multipart/mixed. */
  attachments: AttachmentPart[] | null;
}

/** Everything GET /xapi/statements may be sent. */
export interface StatementReadParams extends StatementQueryParams {
  statementId?: string;
  voidedStatementId?: string;
  more?: string;
}

/** One statement read by id. */
export interface OneStatement {
  statement: JsonObject;
  consistentThrough: Date;
  lastModified: Date;
  /** attachments=true: the contents the statements' attachments name, answered as multipart/mixed. */
  attachments: AttachmentPart[] | null;
}

const sameBytes = (a: Buffer, b: Buffer): boolean => a.equals(b);

/**
 * The platform itself, storing the statements of its own learning events: not an issued client
 * (its id is no UUID, so it names no `lrs_clients` row), writes only.
 */
export const PLATFORM_CLIENT: LrsClient = {
  id: 'platform',
  name: 'Lifelong',
  key: 'platform',
  readScope: 'none',
  mayWrite: true,
  createdBy: null,
  createdAt: new Date(0),
  revokedAt: null,
};

/** How many of a learner's statements a download reads per query. */
const DOWNLOAD_BATCH = 500;

const mayRead = (client: LrsClient, ownerId: string): boolean =>
  client.readScope === 'all' || (client.readScope === 'mine' && ownerId === client.id);

/**
 * Stores and reads xAPI statements. Statements are immutable: one sent again with the same id
 * and content changes nothing, with other content it is refused (409); a voiding statement marks
 * its target voided and is itself never voidable. Reads see only what the client's scope
 * allows: its own statements (`statements/read/mine`) or all (`statements/read`).
 */
@Injectable()
export class Statements {
  constructor(
    private readonly statements: StatementsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly launches: LaunchSessionsRef,
  ) {}

  /** PUT /xapi/statements?statementId=: stores one statement under that id. */
  async put(
    client: LrsClient,
    statementId: string,
    body: unknown,
    parts: readonly AttachmentPart[] = [],
  ): Promise<void> {
    if (!isUuid(statementId))
      throw new LearningRecordsError('INVALID_QUERY', 'statementId: must be a UUID', {
        parameter: 'statementId',
      });
    const statement = checkStatement(body);
    if (
      statement.id !== undefined &&
      (statement.id as string).toLowerCase() !== statementId.toLowerCase()
    )
      throw new LearningRecordsError(
        'INVALID_STATEMENT',
        'statement.id: differs from the statementId parameter',
        { path: 'statement.id' },
      );
    await this.store(client, [{ ...statement, id: statementId }], parts);
  }

  /** POST /xapi/statements: one statement or a list, all stored or none; their ids in order. */
  async post(
    client: LrsClient,
    body: unknown,
    parts: readonly AttachmentPart[] = [],
  ): Promise<string[]> {
    const list = Array.isArray(body) ? (body as unknown[]) : [body];
    if (list.length === 0)
      throw new LearningRecordsError('INVALID_STATEMENT', 'statement: none was sent', {
        path: 'statement',
      });
    const statements = list.map((item, index) =>
      checkStatement(item, Array.isArray(body) ? `statement[${index}]` : 'statement'),
    );
    return this.store(
      client,
      statements.map((statement) => ({ ...statement, id: statement.id ?? randomUUID() })),
      parts,
    );
  }

  /**
   * Stores statements the platform builds from its own events, through the same rules and
   * immutability as a client's: sent again with the same ids and content, nothing changes.
   */
  async recordPlatform(statements: readonly JsonObject[]): Promise<void> {
    if (statements.length === 0) return;
    const checked = statements.map((statement, index) =>
      checkStatement(statement, `statement[${index}]`),
    );
    await this.store(PLATFORM_CLIENT, checked);
  }

  /** A page of the statements whose actor is this learner (their platform account), newest first. */
  async ofLearner(userId: string, query: PageQuery): Promise<Page<JsonObject>> {
    const actorHash = this.learnerHash(userId);
    const [rows, total] = await Promise.all([
      this.statements.ofActor(actorHash, { offset: pageOffset(query), limit: query.pageSize }),
      this.statements.countOfActor(actorHash),
    ]);
    return toPage(
      rows.map((row) => JSON.parse(row.statement) as JsonObject),
      total,
      query,
    );
  }

  /** Every statement whose actor is this learner, oldest first (their download). */
  async allOfLearner(userId: string): Promise<JsonObject[]> {
    const actorHash = this.learnerHash(userId);
    const statements: JsonObject[] = [];
    let afterSeq: string | undefined;
    for (;;) {
      const rows = await this.statements.ofActorAscending(actorHash, afterSeq, DOWNLOAD_BATCH);
      for (const row of rows) statements.push(JSON.parse(row.statement) as JsonObject);
      if (rows.length < DOWNLOAD_BATCH) return statements;
      afterSeq = (rows[rows.length - 1] as ReadStatement).seq;
    }
  }

  /** The learner's account on this platform, as the platform's statements name them. */
  private learnerHash(userId: string): Buffer {
    return agentHash({
      objectType: 'Agent',
      account: { homePage: this.config.http.publicUrl, name: userId },
    }) as Buffer;
  }

  private async store(
    client: LrsClient,
    received: JsonObject[],
    parts: readonly AttachmentPart[] = [],
  ): Promise<string[]> {
    this.assertWrite(client);
    const contents = await matchAttachmentParts(received, parts);
    const batch = received.map((statement) => ({
      ...withContextActivityLists(statement),
      id: String(statement.id).toLowerCase(),
    }));
    const launch = client.launch && this.launches.bound();
    if (client.launch) {
      assertStatementsWithinLaunch(client.launch, batch);
      await launch?.checkStatements(client.launch, batch);
    }
    const ids = batch.map((statement) => statement.id);
    if (new Set(ids).size !== ids.length)
      throw new LearningRecordsError('INVALID_STATEMENT', 'statement: the same id is sent twice', {
        path: 'statement.id',
      });
    // Another request may store one of these ids after we looked: looking again makes the same
    // content a no-op and other content a conflict.
    await retryOnDeadlock(() => this.write(client, batch, contents), {
      orWhen: (error) => isDuplicateKey(error, 'uq_xapi_statements_statement_id'),
    });
    // After the commit, and for statements sent again too: a launch whose listener failed last
    // time gets another chance when the content resends (its listener is idempotent).
    if (client.launch && launch) await launch.statementsStored(client.launch, batch);
    return ids;
  }

  private write(
    client: LrsClient,
    batch: JsonObject[],
    contents: readonly AttachmentPart[],
  ): Promise<void> {
    return this.statements.transaction(async (manager) => {
      const hashes = batch.map((statement) => contentHash(statement));
      const known = await this.statements.known(
        manager,
        batch.map((statement) => uuidBytes(statement.id as string)),
      );
      const knownById = new Map(known.map((row) => [row.statementId.toString('hex'), row]));
      const fresh: { statement: JsonObject; hash: Buffer }[] = [];
      batch.forEach((statement, index) => {
        const hash = hashes[index] as Buffer;
        const existing = knownById.get(uuidBytes(statement.id as string).toString('hex'));
        if (!existing) return fresh.push({ statement, hash });
        if (!sameBytes(existing.contentHash, hash))
          throw new LearningRecordsError(
            'STATEMENT_CONFLICT',
            `A different statement is already stored with id ${String(statement.id)}`,
            { statementId: statement.id },
          );
      });
      if (fresh.length === 0) return;
      const voidedTargets = await this.voidingTargets(
        manager,
        client,
        fresh.map((f) => f.statement),
      );
      const stored = this.clock.now();
      const rows = fresh.map(({ statement, hash }) => this.row(client, statement, hash, stored));
      await this.statements.insert(manager, rows);
      await this.attachments.keep(manager, contents, stored);
      await this.statements.markVoided(manager, voidedTargets);
    });
  }

  /**
   * The statements the voiding statements of a batch void. A target that is itself a voiding
   * statement is refused (xAPI: a voiding statement cannot be voided), and so is a target the
   * client may not read. A target not stored (yet) voids nothing.
   */
  private async voidingTargets(
    manager: EntityManager,
    client: LrsClient,
    batch: JsonObject[],
  ): Promise<Buffer[]> {
    const voiding = batch.filter((statement) => (statement.verb as JsonObject).id === VOIDED_VERB);
    if (voiding.length === 0) return [];
    const targetIds = voiding.map((statement) =>
      String((statement.object as JsonObject).id).toLowerCase(),
    );
    const inBatch = new Map(batch.map((statement) => [statement.id as string, statement]));
    const stored = new Map<string, KnownStatement>(
      (await this.statements.known(manager, targetIds.map(uuidBytes))).map((row) => [
        row.statementId.toString('hex'),
        row,
      ]),
    );
    const targets: Buffer[] = [];
    for (const targetId of targetIds) {
      const sibling = inBatch.get(targetId);
      const row = stored.get(uuidBytes(targetId).toString('hex'));
      const targetVoids = sibling
        ? (sibling.verb as JsonObject).id === VOIDED_VERB
        : row?.voidsStatementId !== null && row !== undefined;
      if (targetVoids)
        throw new LearningRecordsError(
          'VOIDING_TARGET_INVALID',
          `Statement ${targetId} is a voiding statement, which cannot be voided`,
          { statementId: targetId },
        );
      if (row && !mayRead(client, row.clientId))
        throw new LearningRecordsError(
          'XAPI_SCOPE_MISSING',
          'A client may void only statements it may read',
        );
      if (row || sibling) targets.push(uuidBytes(targetId));
    }
    return targets;
  }

  /** The statement as stored: the client's, completed with id, stored, authority, version. */
  private row(client: LrsClient, received: JsonObject, hash: Buffer, stored: Date): StatementRow {
    const statement: JsonObject = {
      ...received,
      timestamp: received.timestamp ?? stored.toISOString(),
      stored: stored.toISOString(),
      authority: this.authorityOf(client),
      version: received.version ?? XAPI_VERSION,
    };
    const target = statement.object as JsonObject;
    const context = statement.context as JsonObject | undefined;
    return {
      statementId: uuidBytes(statement.id as string),
      clientId: client.id,
      actorHash: agentHash(statement.actor as JsonObject),
      verbHash: keyHash(String((statement.verb as JsonObject).id)),
      activityHash: activityHash(statement),
      registration:
        typeof context?.registration === 'string' ? uuidBytes(context.registration) : null,
      voidsStatementId:
        (statement.verb as JsonObject).id === VOIDED_VERB ? uuidBytes(String(target.id)) : null,
      refersTo: target.objectType === 'StatementRef' ? uuidBytes(String(target.id)) : null,
      stored,
      timestamp: new Date(String(statement.timestamp)),
      contentHash: hash,
      statement: JSON.stringify(statement),
      links: statementLinks(statement),
    };
  }

  /** Who vouches for a statement: this store's client (or the platform), as an Agent with an account. */
  private authorityOf(client: LrsClient): JsonObject {
    if (client === PLATFORM_CLIENT)
      return {
        objectType: 'Agent',
        name: PLATFORM_CLIENT.name,
        account: { homePage: this.config.http.publicUrl, name: PLATFORM_CLIENT.key },
      };
    return {
      objectType: 'Agent',
      name: client.name,
      account: { homePage: `${this.config.http.publicUrl}/xapi/clients`, name: client.key },
    };
  }

  /**
   * GET /xapi/statements: one statement (`statementId`, `voidedStatementId`, with at most
   * `format` and `attachments` beside), the next page of a query (`more`, alone), or a query.
   */
  async read(
    client: LrsClient,
    params: StatementReadParams,
    languages: string[] = [],
  ): Promise<OneStatement | StatementPage> {
    // Parameters not sent may arrive as undefined properties of the query object.
    const sent = Object.fromEntries(
      Object.entries(params).filter(([, value]) => value !== undefined),
    ) as StatementReadParams;
    const { statementId, voidedStatementId, more, ...filters } = sent;
    const id = statementId ?? voidedStatementId;
    if (id !== undefined) {
      const beside = Object.keys(filters).filter((key) => !['format', 'attachments'].includes(key));
      if (
        (statementId !== undefined && voidedStatementId !== undefined) ||
        more !== undefined ||
        beside.length
      )
        throw new LearningRecordsError(
          'INVALID_QUERY',
          'statementId and voidedStatementId take only format and attachments beside them',
          { parameter: statementId !== undefined ? 'statementId' : 'voidedStatementId' },
        );
      const { format, attachments } = parseStatementQuery(filters);
      const one = await this.one(client, id, voidedStatementId !== undefined, format, languages);
      return { ...one, attachments: attachments ? await this.contentsOf([one.statement]) : null };
    }
    if (more !== undefined && Object.keys(filters).length)
      throw new LearningRecordsError('INVALID_QUERY', 'more: is sent alone', { parameter: 'more' });
    return this.query(client, filters, languages, more);
  }

  /** GET ?statementId= (not voided) or ?voidedStatementId= (voided only). */
  private async one(
    client: LrsClient,
    id: string,
    voided: boolean,
    format: StatementFormat,
    languages: string[],
  ): Promise<Omit<OneStatement, 'attachments'>> {
    this.assertRead(client);
    const consistentThrough = this.clock.now();
    const row = isUuid(id)
      ? await this.statements.one(
          uuidBytes(id),
          voided,
          client.readScope === 'mine' ? client.id : undefined,
        )
      : null;
    if (!row)
      throw new LearningRecordsError('STATEMENT_NOT_FOUND', 'No such statement', {
        statementId: id,
      });
    return {
      statement: formatStatement(JSON.parse(row.statement) as JsonObject, format, languages),
      consistentThrough,
      lastModified: new Date(row.stored),
    };
  }

  /** A filtered page, newest first unless `ascending`; `more` continues it. */
  private async query(
    client: LrsClient,
    params: StatementQueryParams,
    languages: string[],
    more?: string,
  ): Promise<StatementPage> {
    this.assertRead(client);
    const cursor = more === undefined ? undefined : decodeCursor(more, client.id);
    const sent = cursor?.params ?? params;
    const parsed = parseStatementQuery(sent);
    // Read before the query: every statement stored before this moment is in the answer.
    const consistentThrough = this.clock.now();
    const rows = await this.statements.query({
      ...parsed,
      clientId: client.readScope === 'mine' ? client.id : undefined,
      afterSeq: cursor?.afterSeq,
    });
    const page = rows.slice(0, parsed.limit);
    const last = page[page.length - 1];
    const newest = page.reduce<Date | null>((latest, row) => {
      const stored = new Date(row.stored);
      return latest === null || stored > latest ? stored : latest;
    }, null);
    const statements = page.map((row) =>
      formatStatement(JSON.parse(row.statement) as JsonObject, parsed.format, languages),
    );
    return {
      statements,
      more:
        rows.length > parsed.limit && last
          ? encodeCursor({ params: sent, clientId: client.id, afterSeq: String(last.seq) })
          : null,
      consistentThrough,
      lastModified: newest ?? consistentThrough,
      attachments: parsed.attachments ? await this.contentsOf(statements) : null,
    };
  }

  /** The kept contents of the statements' attachments, each once. */
  private contentsOf(statements: readonly JsonObject[]): Promise<AttachmentPart[]> {
    return this.attachments.contents(attachmentHashes(statements));
  }

  private assertWrite(client: LrsClient): void {
    if (!client.mayWrite)
      throw new LearningRecordsError('XAPI_SCOPE_MISSING', 'This client may not store statements');
  }

  private assertRead(client: LrsClient): void {
    if (client.readScope === 'none')
      throw new LearningRecordsError('XAPI_SCOPE_MISSING', 'This client may not read statements');
  }
}
