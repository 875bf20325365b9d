import { createHash } from 'node:crypto';
import { Clock } from '@lifelong/common';
import { isDuplicateKey, retryOnDeadlock } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { LrsClient } from '../clients/lrs-client';
import { assertDocumentWithinLaunch } from '../launch/launch-rules';
import { LearningRecordsError } from '../learning-records-error';
import { agentHash } from '../statements/statement-keys';
import {
  checkActor,
  isIri,
  isTimestamp,
  isUuid,
  type JsonObject,
} from '../statements/statement-rules';
import { DocumentsRepository, type StoredDocument } from './documents.repository';

// The document resources of xAPI 2.0: activity state (per activity, agent and registration),
// activity profiles and agent profiles. Writes are checked against ETags: `If-Match` must name
// the current one, `If-None-Match: *` requires that there is none, and a PUT with neither over
// an existing document is refused (409), so two writers never overwrite each other unseen.

export type DocumentKind = 'state' | 'activity-profile' | 'agent-profile';

/** What names a document (or, without an id, a scope of documents), as sent. */
export interface DocumentParams {
  activityId?: string;
  agent?: string;
  registration?: string;
  stateId?: string;
  profileId?: string;
  since?: string;
}

/** The concurrency headers of a write. */
export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** A document's content as received or answered. */
export interface DocumentContent {
  contentType: string;
  content: Buffer;
}

export interface ReadDocument extends DocumentContent {
  etag: string;
  updated: Date;
}

const KIND_CODES: Record<DocumentKind, string> = {
  state: 'state',
  'activity-profile': 'activity-profile',
  'agent-profile': 'agent-profile',
};

const invalid = (parameter: string, problem: string): LearningRecordsError =>
  new LearningRecordsError('INVALID_QUERY', `${parameter}: ${problem}`, { parameter });

interface Named {
  scopeKey: Buffer;
  documentKey?: Buffer;
  documentId?: string;
  since?: Date;
}

/** Reads the parameters into keys; refuses missing or malformed ones (400 INVALID_QUERY). */
export function nameDocument(kind: DocumentKind, params: DocumentParams): Named {
  const parts: string[] = [KIND_CODES[kind]];
  if (kind !== 'agent-profile') {
    if (params.activityId === undefined) throw invalid('activityId', 'is required');
    if (!isIri(params.activityId)) throw invalid('activityId', 'must be an absolute IRI');
    parts.push(params.activityId);
  }
  if (kind !== 'activity-profile') {
    if (params.agent === undefined) throw invalid('agent', 'is required');
    let agent: unknown;
    try {
      agent = JSON.parse(params.agent);
      checkActor(agent, 'agent');
    } catch {
      throw invalid('agent', 'must be an Agent or identified Group as JSON');
    }
    const hash = agentHash(agent as JsonObject);
    if (!hash) throw invalid('agent', 'must be an Agent or identified Group as JSON');
    parts.push(hash.toString('hex'));
  }
  if (kind === 'state') {
    if (params.registration !== undefined && !isUuid(params.registration))
      throw invalid('registration', 'must be a UUID');
    parts.push(params.registration?.toLowerCase() ?? '');
  }
  const documentId = kind === 'state' ? params.stateId : params.profileId;
  if (documentId !== undefined && (documentId === '' || documentId.length > 255))
    throw invalid(kind === 'state' ? 'stateId' : 'profileId', 'must be 1 to 255 characters');
  if (params.since !== undefined && !isTimestamp(params.since))
    throw invalid('since', 'must be an ISO 8601 time with a time zone');
  const scope = parts.join('\u0000');
  return {
    scopeKey: createHash('sha256').update(scope, 'utf8').digest().subarray(0, 16),
    documentKey:
      documentId === undefined
        ? undefined
        : createHash('sha256').update(`${scope}\u0000${documentId}`, 'utf8').digest(),
    documentId,
    since: params.since === undefined ? undefined : new Date(params.since),
  };
}

/** The entity tags a header names (`*` stays `*`). */
const tagsOf = (header: string): string[] =>
  header.split(',').map((tag) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );

const etagOf = (content: Buffer): string => createHash('sha1').update(content).digest('hex');

const isJson = (contentType: string): boolean =>
  /^application\/json\s*(;|$)/i.test(contentType.trim());

function jsonObject(content: Buffer): JsonObject | null {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : null;
  } catch {
    return null;
  }
}

/**
 * Activity state, activity profiles and agent profiles. A `statements/read/mine` client (or a
 * write-only one) sees and changes only the documents it wrote; `statements/read` all of them.
 */
@Injectable()
export class Documents {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly clock: Clock,
  ) {}

  /** One document (with its id), or the ids of the scope's documents (without). */
  async read(
    client: LrsClient,
    kind: DocumentKind,
    params: DocumentParams,
  ): Promise<ReadDocument | string[]> {
    if (client.readScope === 'none')
      throw new LearningRecordsError('XAPI_SCOPE_MISSING', 'This client may not read documents');
    const named = nameDocument(kind, params);
    assertDocumentWithinLaunch(client, kind, params);
    const own = client.readScope === 'all' ? undefined : client.id;
    if (!named.documentKey) return this.documents.ids(named.scopeKey, named.since, own);
    if (named.since) throw invalid('since', 'only lists documents (without an id)');
    const found = await this.documents.one(named.documentKey);
    if (!found || (own !== undefined && found.clientId !== own))
      throw new LearningRecordsError('DOCUMENT_NOT_FOUND', 'No such document');
    return found;
  }

  /** PUT (replace) or POST (merge JSON objects); the new ETag. */
  async write(
    client: LrsClient,
    kind: DocumentKind,
    params: DocumentParams,
    body: DocumentContent,
    preconditions: Preconditions,
    merge: boolean,
  ): Promise<string> {
    this.assertWrite(client);
    const named = nameDocument(kind, params);
    assertDocumentWithinLaunch(client, kind, params);
    if (!named.documentKey || named.documentId === undefined)
      throw invalid(kind === 'state' ? 'stateId' : 'profileId', 'is required');
    if (named.since) throw invalid('since', 'only lists documents');
    const { documentKey, documentId } = named;
    return retryOnDeadlock(
      () =>
        this.documents.transaction(async (manager) => {
          const current = await this.documents.one(documentKey, manager);
          this.assertMayChange(client, current);
          checkPreconditions(current, preconditions, !merge);
          let content = body;
          if (merge && current) content = mergedJson(current, body);
          const document: StoredDocument = {
            documentKey,
            scopeKey: named.scopeKey,
            documentId,
            clientId: current?.clientId ?? client.id,
            contentType: content.contentType,
            content: content.content,
            etag: etagOf(content.content),
            updated: this.clock.now(),
          };
          if (current) await this.documents.replace(manager, document);
          else await this.documents.insert(manager, document);
          return document.etag;
        }),
      { orWhen: (error) => isDuplicateKey(error) },
    );
  }

  /** DELETE one document (with its id), or every state document of the scope (state only). */
  async delete(
    client: LrsClient,
    kind: DocumentKind,
    params: DocumentParams,
    preconditions: Preconditions,
  ): Promise<void> {
    this.assertWrite(client);
    const named = nameDocument(kind, params);
    assertDocumentWithinLaunch(client, kind, params);
    if (named.since) throw invalid('since', 'only lists documents');
    const { documentKey } = named;
    if (!documentKey) {
      if (kind !== 'state') throw invalid('profileId', 'is required');
      return this.documents.deleteScope(
        named.scopeKey,
        client.readScope === 'all' ? undefined : client.id,
      );
    }
    await this.documents.transaction(async (manager) => {
      const current = await this.documents.one(documentKey, manager);
      this.assertMayChange(client, current);
      checkPreconditions(current, preconditions, false);
      if (current) await this.documents.delete(manager, documentKey);
    });
  }

  private assertWrite(client: LrsClient): void {
    if (!client.mayWrite)
      throw new LearningRecordsError('XAPI_SCOPE_MISSING', 'This client may not write documents');
  }

  private assertMayChange(client: LrsClient, current: StoredDocument | null): void {
    if (current && client.readScope !== 'all' && current.clientId !== client.id)
      throw new LearningRecordsError(
        'XAPI_SCOPE_MISSING',
        "This client may not change another client's document",
      );
  }
}

/**
 * `If-Match` must name the current ETag (or `*` with a document there); `If-None-Match: *` that
 * there is no document (412 otherwise). A PUT naming neither over a document is 409.
 */
function checkPreconditions(
  current: StoredDocument | null,
  { ifMatch, ifNoneMatch }: Preconditions,
  replacing: boolean,
): void {
  if (ifMatch !== undefined) {
    const tags = tagsOf(ifMatch);
    if (!current || !(tags.includes('*') || tags.includes(current.etag)))
      throw new LearningRecordsError('DOCUMENT_PRECONDITION_FAILED', 'If-Match does not hold');
  }
  if (ifNoneMatch !== undefined && current) {
    const tags = tagsOf(ifNoneMatch);
    if (tags.includes('*') || tags.includes(current.etag))
      throw new LearningRecordsError('DOCUMENT_PRECONDITION_FAILED', 'If-None-Match does not hold');
  }
  if (replacing && current && ifMatch === undefined && ifNoneMatch === undefined)
    throw new LearningRecordsError(
      'DOCUMENT_CONFLICT',
      'The document exists: send If-Match with its ETag (or If-None-Match: *) to write it',
    );
}

/** POST over a document: both must be JSON objects, merged at the top level (xAPI). */
function mergedJson(current: StoredDocument, sent: DocumentContent): DocumentContent {
  const before = isJson(current.contentType) ? jsonObject(current.content) : null;
  const after = isJson(sent.contentType) ? jsonObject(sent.content) : null;
  if (!before || !after)
    throw new LearningRecordsError(
      'DOCUMENT_NOT_MERGEABLE',
      'Only a JSON object can be merged into a JSON object',
    );
  return {
    contentType: 'application/json',
    content: Buffer.from(JSON.stringify({ ...before, ...after }), 'utf8'),
  };
}
