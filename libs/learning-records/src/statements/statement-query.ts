import { LearningRecordsError } from '../learning-records-error';
import { agentHash, keyHash, uuidBytes } from './statement-keys';
import { checkActor, isIri, isTimestamp, isUuid, type JsonObject } from './statement-rules';

// The query parameters of GET /xapi/statements (xAPI 2.0, "Statement Resource"), read into the
// index keys the repository filters by. The raw values also travel in a `more` cursor, so the
// next page is the same query read again.

/** The filters a client may send, as sent. */
export interface StatementQueryParams {
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  related_activities?: string;
  related_agents?: string;
  since?: string;
  until?: string;
  limit?: string;
  format?: string;
  attachments?: string;
  ascending?: string;
}

export const STATEMENT_FORMATS = ['exact', 'ids', 'canonical'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** Page size when a client asks for none (or 0, "the server's maximum"), and the most a page holds. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** A query read into index keys. */
export interface ParsedQuery {
  agent?: { hash: Buffer; related: boolean };
  verbHash?: Buffer;
  activity?: { hash: Buffer; related: boolean };
  registration?: Buffer;
  since?: Date;
  until?: Date;
  ascending: boolean;
  limit: number;
  format: StatementFormat;
  /** Answer as multipart/mixed (attachments=true). */
  attachments: boolean;
}

const invalid = (parameter: string, problem: string): LearningRecordsError =>
  new LearningRecordsError('INVALID_QUERY', `${parameter}: ${problem}`, { parameter });

function flag(value: string | undefined, parameter: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw invalid(parameter, 'must be true or false');
}

function time(value: string | undefined, parameter: string): Date | undefined {
  if (value === undefined) return undefined;
  if (!isTimestamp(value)) throw invalid(parameter, 'must be an ISO 8601 time with a time zone');
  return new Date(value);
}

function agentKey(value: string): Buffer {
  let agent: unknown;
  try {
    agent = JSON.parse(value);
  } catch {
    throw invalid('agent', 'must be an Agent or identified Group as JSON');
  }
  try {
    checkActor(agent, 'agent');
  } catch {
    throw invalid('agent', 'must be an Agent or identified Group as JSON');
  }
  const hash = agentHash(agent as JsonObject);
  if (!hash) throw invalid('agent', 'an anonymous Group cannot be a filter');
  return hash;
}

/** Reads the parameters, refusing any that break the rules (400 INVALID_QUERY). */
export function parseStatementQuery(params: StatementQueryParams): ParsedQuery {
  const query: ParsedQuery = {
    ascending: flag(params.ascending, 'ascending'),
    limit: DEFAULT_LIMIT,
    format: 'exact',
    // No statement here carries attachment contents (they are refused when sent), so the
    // multipart answer holds the JSON part only.
    attachments: flag(params.attachments, 'attachments'),
  };
  if (params.agent !== undefined)
    query.agent = {
      hash: agentKey(params.agent),
      related: flag(params.related_agents, 'related_agents'),
    };
  else flag(params.related_agents, 'related_agents');
  if (params.verb !== undefined) {
    if (!isIri(params.verb)) throw invalid('verb', 'must be an absolute IRI');
    query.verbHash = keyHash(params.verb);
  }
  if (params.activity !== undefined) {
    if (!isIri(params.activity)) throw invalid('activity', 'must be an absolute IRI');
    query.activity = {
      hash: keyHash(params.activity),
      related: flag(params.related_activities, 'related_activities'),
    };
  } else flag(params.related_activities, 'related_activities');
  if (params.registration !== undefined) {
    if (!isUuid(params.registration)) throw invalid('registration', 'must be a UUID');
    query.registration = uuidBytes(params.registration);
  }
  query.since = time(params.since, 'since');
  query.until = time(params.until, 'until');
  if (params.limit !== undefined) {
    if (!/^\d{1,9}$/.test(params.limit)) throw invalid('limit', 'must be a whole number');
    const limit = Number(params.limit);
    query.limit = limit === 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
  }
  if (params.format !== undefined) {
    if (!(STATEMENT_FORMATS as readonly string[]).includes(params.format))
      throw invalid('format', `must be one of ${STATEMENT_FORMATS.join(', ')}`);
    query.format = params.format as StatementFormat;
  }
  return query;
}

/** What a `more` cursor carries: the query as sent, the client, and where the page ended. */
interface Cursor {
  params: StatementQueryParams;
  clientId: string;
  afterSeq: string;
}

/** An opaque token for the next page (the client is checked again on every request). */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(token: string, clientId: string): Cursor {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalid('more', 'is not a cursor this store issued');
  }
  if (
    typeof cursor !== 'object' ||
    cursor === null ||
    typeof cursor.params !== 'object' ||
    cursor.params === null ||
    Object.values(cursor.params).some((value) => typeof value !== 'string') ||
    !/^\d{1,20}$/.test(String(cursor.afterSeq))
  )
    throw invalid('more', 'is not a cursor this store issued');
  if (cursor.clientId !== clientId) throw invalid('more', 'belongs to another client');
  return cursor;
}
