import { createHash } from 'node:crypto';
import type { JsonObject } from './statement-rules';

// What the filters look up, worked out once when a statement is stored: 16-byte hashes of the
// IRIs and agent identifiers (fixed width, so every filter is an index range whatever the
// length of the IRI) and the links of a statement to the agents and activities it names.

/** The kinds of rows in `xapi_statement_links`. */
export const LINK_KINDS = {
  /** The actor or an Agent/Group object: the `agent` filter. */
  agent: 1,
  /** Any agent named anywhere: `agent` with `related_agents=true`. */
  relatedAgent: 2,
  /** The object or a context activity, also in a SubStatement: `related_activities=true`. */
  relatedActivity: 3,
} as const;
export type LinkKind = (typeof LINK_KINDS)[keyof typeof LINK_KINDS];

export interface StatementLink {
  kind: LinkKind;
  hash: Buffer;
}

/** 16 bytes of SHA-256: collisions are out of reach at any number of statements. */
export const keyHash = (text: string): Buffer =>
  createHash('sha256').update(text, 'utf8').digest().subarray(0, 16);

export const uuidBytes = (id: string): Buffer => Buffer.from(id.replace(/-/g, ''), 'hex');

export const uuidText = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * An Agent's or identified Group's inverse functional identifier, as one string (two agents are
 * the same when these are equal); null for an anonymous Group.
 */
export function identifierOf(actor: JsonObject): string | null {
  if (typeof actor.mbox === 'string') return `mbox|${actor.mbox.toLowerCase()}`;
  if (typeof actor.mbox_sha1sum === 'string')
    return `mbox_sha1sum|${actor.mbox_sha1sum.toLowerCase()}`;
  if (typeof actor.openid === 'string') return `openid|${actor.openid}`;
  const account = actor.account as JsonObject | undefined;
  if (account) return `account|${String(account.homePage)}|${String(account.name)}`;
  return null;
}

export const agentHash = (actor: JsonObject): Buffer | null => {
  const identifier = identifierOf(actor);
  return identifier === null ? null : keyHash(identifier);
};

const isActivity = (target: JsonObject): boolean =>
  (target.objectType ?? 'Activity') === 'Activity';
const isAgentOrGroup = (target: JsonObject): boolean =>
  target.objectType === 'Agent' || target.objectType === 'Group';

/** The object's activity IRI hash, when the object is an Activity. */
export const activityHash = (statement: JsonObject): Buffer | null => {
  const target = statement.object as JsonObject;
  return isActivity(target) ? keyHash(String(target.id)) : null;
};

/** Every link of a statement (with its authority already set), without repeats. */
export function statementLinks(statement: JsonObject): StatementLink[] {
  const links = new Map<string, StatementLink>();
  const add = (kind: LinkKind, hash: Buffer | null): void => {
    if (hash) links.set(`${kind}:${hash.toString('hex')}`, { kind, hash });
  };
  const agent = (value: unknown, kind: LinkKind): void => {
    if (typeof value !== 'object' || value === null) return;
    const actor = value as JsonObject;
    add(kind, agentHash(actor));
    if (kind === LINK_KINDS.relatedAgent && Array.isArray(actor.member))
      for (const member of actor.member as JsonObject[]) add(kind, agentHash(member));
  };
  const core = (part: JsonObject, direct: boolean): void => {
    const target = part.object as JsonObject;
    if (direct) {
      agent(part.actor, LINK_KINDS.agent);
      if (isAgentOrGroup(target)) agent(target, LINK_KINDS.agent);
    }
    agent(part.actor, LINK_KINDS.relatedAgent);
    if (isAgentOrGroup(target)) agent(target, LINK_KINDS.relatedAgent);
    if (isActivity(target)) add(LINK_KINDS.relatedActivity, keyHash(String(target.id)));
    const context = part.context as JsonObject | undefined;
    if (context) {
      agent(context.instructor, LINK_KINDS.relatedAgent);
      agent(context.team, LINK_KINDS.relatedAgent);
      for (const entry of (context.contextAgents as JsonObject[] | undefined) ?? [])
        agent(entry.agent, LINK_KINDS.relatedAgent);
      for (const entry of (context.contextGroups as JsonObject[] | undefined) ?? [])
        agent(entry.group, LINK_KINDS.relatedAgent);
      const lists = (context.contextActivities as Record<string, unknown> | undefined) ?? {};
      for (const entry of Object.values(lists))
        for (const activity of [entry].flat() as JsonObject[])
          add(LINK_KINDS.relatedActivity, keyHash(String(activity.id)));
    }
    if (target.objectType === 'SubStatement') core(target, false);
  };
  core(statement, true);
  agent(statement.authority, LINK_KINDS.relatedAgent);
  return [...links.values()];
}

/** JSON with keys in order, so equal statements give equal text whatever order they came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as JsonObject)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * What makes two statements with one id "the same" (xAPI: a statement sent again must match):
 * everything the client sent but the properties the store sets (`stored`, `authority`,
 * `version`). SHA-256 of it, kept beside the statement.
 */
export function contentHash(received: JsonObject): Buffer {
  const { stored: _stored, authority: _authority, version: _version, ...content } = received;
  return createHash('sha256').update(canonical(content), 'utf8').digest();
}
