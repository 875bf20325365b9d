import { invalidStatement } from '../learning-records-error';

// The statement rules of xAPI 2.0 (IEEE 9274.1.1, Data, "Statement"), checked before anything is
// stored. Each refusal names the property at fault. Properties not in the specification are
// refused at every level except inside extensions, which belong to their IRIs' owners.

export type JsonObject = Record<string, unknown>;

/** The verb whose statements void another statement. */
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute IRI: a scheme, a colon, then no white space, controls or angle brackets. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f]+$/i;
const MBOX = /^mailto:[^@\s]+@[^@\s]+$/i;
const SHA1 = /^[0-9a-f]{40}$/i;
/** RFC 5646 language tags, as far as their shape goes. */
const LANGUAGE_TAG = /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i;
/** ISO 8601 date and time with a zone (xAPI timestamps), fractional seconds optional. */
const TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;
/** ISO 8601 durations (`PT1H30M`, `P1DT2.5S`, `P3W`); weeks stand alone (`P4W1D` is not one). */
const DURATION =
  /^P((?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?|\d+(\.\d+)?W)$/;
/** Versions this store accepts in a statement's `version`. */
const STATEMENT_VERSION = /^(1\.0(\.\d+)?|2\.0(\.\d+)?)$/;

const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];
const INTERACTION_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);
export const isIri = (value: unknown): boolean =>
  typeof value === 'string' && value.length <= 2048 && IRI.test(value);
export const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' &&
  TIMESTAMP.test(value) &&
  // RFC 3339's "unknown local offset" is not a zone, with or without the colon.
  !/-00:?00$/.test(value) &&
  !Number.isNaN(Date.parse(value));

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw invalidStatement(path, 'must be an object');
  return value;
}

function onlyKeys(value: JsonObject, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) throw invalidStatement(`${path}.${key}`, 'is not an xAPI property');
}

function string(value: unknown, path: string): void {
  if (typeof value !== 'string') throw invalidStatement(path, 'must be a string');
}

function boolean(value: unknown, path: string): void {
  if (typeof value !== 'boolean') throw invalidStatement(path, 'must be true or false');
}

function iri(value: unknown, path: string): void {
  if (!isIri(value)) throw invalidStatement(path, 'must be an absolute IRI');
}

function uuid(value: unknown, path: string): void {
  if (!isUuid(value)) throw invalidStatement(path, 'must be a UUID');
}

function timestamp(value: unknown, path: string): void {
  if (!isTimestamp(value))
    throw invalidStatement(path, 'must be an ISO 8601 date and time with a time zone');
}

function languageMap(value: unknown, path: string): void {
  const map = object(value, path);
  for (const [tag, text] of Object.entries(map)) {
    if (!LANGUAGE_TAG.test(tag)) throw invalidStatement(`${path}.${tag}`, 'is not a language tag');
    string(text, `${path}.${tag}`);
  }
}

function extensions(value: unknown, path: string): void {
  for (const key of Object.keys(object(value, path)))
    if (!isIri(key)) throw invalidStatement(`${path}.${key}`, 'an extension key must be an IRI');
}

/** The identifying properties of an Agent or Group (exactly one for an Agent). */
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function ifiCount(actor: JsonObject, path: string): number {
  let count = 0;
  for (const key of IFIS) {
    if (actor[key] === undefined) continue;
    count += 1;
    const at = `${path}.${key}`;
    if (key === 'mbox' && !(typeof actor.mbox === 'string' && MBOX.test(actor.mbox)))
      throw invalidStatement(at, 'must be a mailto: IRI');
    if (key === 'mbox_sha1sum' && !(typeof actor[key] === 'string' && SHA1.test(actor[key])))
      throw invalidStatement(at, 'must be a SHA-1 hex digest');
    if (key === 'openid') iri(actor.openid, at);
    if (key === 'account') {
      const account = object(actor.account, at);
      onlyKeys(account, ['homePage', 'name'], at);
      iri(account.homePage, `${at}.homePage`);
      string(account.name, `${at}.name`);
      if (account.name === '') throw invalidStatement(`${at}.name`, 'must not be empty');
    }
  }
  return count;
}

/** An Agent (objectType optional, or required as named). */
export function checkAgent(value: unknown, path: string, objectTypeRequired = false): void {
  const agent = object(value, path);
  onlyKeys(agent, ['objectType', 'name', ...IFIS], path);
  if (objectTypeRequired || agent.objectType !== undefined)
    if (agent.objectType !== 'Agent') throw invalidStatement(`${path}.objectType`, 'must be Agent');
  if (agent.name !== undefined) string(agent.name, `${path}.name`);
  if (ifiCount(agent, path) !== 1)
    throw invalidStatement(
      path,
      'an Agent must have exactly one of mbox, mbox_sha1sum, openid, account',
    );
}

/** A Group: identified (one identifier, members optional) or anonymous (members required). */
export function checkGroup(value: unknown, path: string): void {
  const group = object(value, path);
  onlyKeys(group, ['objectType', 'name', 'member', ...IFIS], path);
  if (group.objectType !== 'Group') throw invalidStatement(`${path}.objectType`, 'must be Group');
  if (group.name !== undefined) string(group.name, `${path}.name`);
  const identifiers = ifiCount(group, path);
  if (identifiers > 1) throw invalidStatement(path, 'a Group has at most one identifier');
  if (group.member !== undefined) {
    if (!Array.isArray(group.member)) throw invalidStatement(`${path}.member`, 'must be an array');
    group.member.forEach((member, index) => checkAgent(member, `${path}.member[${index}]`));
  }
  if (identifiers === 0 && !(Array.isArray(group.member) && group.member.length > 0))
    throw invalidStatement(`${path}.member`, 'an anonymous Group must list its members');
}

/** An Agent or a Group, told by objectType. */
export function checkActor(value: unknown, path: string): void {
  if (isObject(value) && value.objectType === 'Group') checkGroup(value, path);
  else checkAgent(value, path);
}

function checkVerb(value: unknown, path: string): void {
  const verb = object(value, path);
  onlyKeys(verb, ['id', 'display'], path);
  iri(verb.id, `${path}.id`);
  if (verb.display !== undefined) languageMap(verb.display, `${path}.display`);
}

function checkDefinition(value: unknown, path: string): void {
  const definition = object(value, path);
  onlyKeys(
    definition,
    [
      'name',
      'description',
      'type',
      'moreInfo',
      'extensions',
      'interactionType',
      'correctResponsesPattern',
      ...INTERACTION_LISTS,
    ],
    path,
  );
  if (definition.name !== undefined) languageMap(definition.name, `${path}.name`);
  if (definition.description !== undefined)
    languageMap(definition.description, `${path}.description`);
  if (definition.type !== undefined) iri(definition.type, `${path}.type`);
  if (definition.moreInfo !== undefined) iri(definition.moreInfo, `${path}.moreInfo`);
  if (definition.extensions !== undefined) extensions(definition.extensions, `${path}.extensions`);
  if (definition.interactionType !== undefined) {
    if (!INTERACTION_TYPES.includes(definition.interactionType as string))
      throw invalidStatement(`${path}.interactionType`, 'is not an xAPI interaction type');
  }
  if (definition.correctResponsesPattern !== undefined) {
    const pattern = definition.correctResponsesPattern;
    if (!Array.isArray(pattern) || pattern.some((item) => typeof item !== 'string'))
      throw invalidStatement(`${path}.correctResponsesPattern`, 'must be an array of strings');
    if (definition.interactionType === undefined)
      throw invalidStatement(`${path}.correctResponsesPattern`, 'needs an interactionType');
  }
  for (const list of INTERACTION_LISTS) {
    if (definition[list] === undefined) continue;
    if (definition.interactionType === undefined)
      throw invalidStatement(`${path}.${list}`, 'needs an interactionType');
    const components = definition[list];
    if (!Array.isArray(components)) throw invalidStatement(`${path}.${list}`, 'must be an array');
    components.forEach((component, index) => {
      const at = `${path}.${list}[${index}]`;
      const item = object(component, at);
      onlyKeys(item, ['id', 'description'], at);
      string(item.id, `${at}.id`);
      if (item.description !== undefined) languageMap(item.description, `${at}.description`);
    });
  }
}

/** An Activity (objectType optional, or required as named). */
export function checkActivity(value: unknown, path: string, objectTypeRequired = false): void {
  const activity = object(value, path);
  onlyKeys(activity, ['objectType', 'id', 'definition'], path);
  if (objectTypeRequired || activity.objectType !== undefined)
    if (activity.objectType !== 'Activity')
      throw invalidStatement(`${path}.objectType`, 'must be Activity');
  iri(activity.id, `${path}.id`);
  if (activity.definition !== undefined) checkDefinition(activity.definition, `${path}.definition`);
}

function checkStatementRef(value: unknown, path: string): void {
  const ref = object(value, path);
  onlyKeys(ref, ['objectType', 'id'], path);
  if (ref.objectType !== 'StatementRef')
    throw invalidStatement(`${path}.objectType`, 'must be StatementRef');
  uuid(ref.id, `${path}.id`);
}

const OBJECT_TYPES = ['Activity', 'Agent', 'Group', 'StatementRef', 'SubStatement'];

function checkObject(value: unknown, path: string, inSubStatement: boolean): void {
  const target = object(value, path);
  const type = target.objectType ?? 'Activity';
  if (!OBJECT_TYPES.includes(type as string))
    throw invalidStatement(`${path}.objectType`, `must be one of ${OBJECT_TYPES.join(', ')}`);
  switch (type) {
    case 'Activity':
      return checkActivity(target, path);
    case 'Agent':
      return checkAgent(target, path, true);
    case 'Group':
      return checkGroup(target, path);
    case 'StatementRef':
      return checkStatementRef(target, path);
    default:
      if (inSubStatement)
        throw invalidStatement(`${path}.objectType`, 'a SubStatement cannot hold a SubStatement');
      return checkSubStatement(target, path);
  }
}

function checkScore(value: unknown, path: string): void {
  const score = object(value, path);
  onlyKeys(score, ['scaled', 'raw', 'min', 'max'], path);
  for (const key of ['scaled', 'raw', 'min', 'max'])
    if (
      score[key] !== undefined &&
      !(typeof score[key] === 'number' && Number.isFinite(score[key]))
    )
      throw invalidStatement(`${path}.${key}`, 'must be a number');
  const { scaled, raw, min, max } = score as Record<string, number | undefined>;
  if (scaled !== undefined && (scaled < -1 || scaled > 1))
    throw invalidStatement(`${path}.scaled`, 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && min >= max)
    throw invalidStatement(`${path}.min`, 'must be less than max');
  if (raw !== undefined && min !== undefined && raw < min)
    throw invalidStatement(`${path}.raw`, 'must not be less than min');
  if (raw !== undefined && max !== undefined && raw > max)
    throw invalidStatement(`${path}.raw`, 'must not be more than max');
}

function checkResult(value: unknown, path: string): void {
  const result = object(value, path);
  onlyKeys(result, ['score', 'success', 'completion', 'response', 'duration', 'extensions'], path);
  if (result.score !== undefined) checkScore(result.score, `${path}.score`);
  if (result.success !== undefined) boolean(result.success, `${path}.success`);
  if (result.completion !== undefined) boolean(result.completion, `${path}.completion`);
  if (result.response !== undefined) string(result.response, `${path}.response`);
  if (
    result.duration !== undefined &&
    !(typeof result.duration === 'string' && DURATION.test(result.duration))
  )
    throw invalidStatement(`${path}.duration`, 'must be an ISO 8601 duration');
  if (result.extensions !== undefined) extensions(result.extensions, `${path}.extensions`);
}

function checkContextActivities(value: unknown, path: string): void {
  const lists = object(value, path);
  onlyKeys(lists, ['parent', 'grouping', 'category', 'other'], path);
  for (const [key, entry] of Object.entries(lists)) {
    // A single activity is allowed and read as a list of one.
    const activities = Array.isArray(entry) ? entry : [entry];
    activities.forEach((activity, index) => checkActivity(activity, `${path}.${key}[${index}]`));
  }
}

function checkContextAgents(value: unknown, path: string, key: 'agent' | 'group'): void {
  if (!Array.isArray(value)) throw invalidStatement(path, 'must be an array');
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    const entry = object(item, at);
    onlyKeys(entry, ['objectType', key, 'relevantTypes'], at);
    const type = key === 'agent' ? 'contextAgent' : 'contextGroup';
    if (entry.objectType !== type) throw invalidStatement(`${at}.objectType`, `must be ${type}`);
    if (key === 'agent') checkAgent(entry.agent, `${at}.agent`);
    else checkGroup(entry.group, `${at}.group`);
    if (entry.relevantTypes !== undefined) {
      const types = entry.relevantTypes;
      if (!Array.isArray(types) || types.length === 0)
        throw invalidStatement(`${at}.relevantTypes`, 'must be a non-empty array of IRIs');
      types.forEach((relevant, n) => iri(relevant, `${at}.relevantTypes[${n}]`));
    }
  });
}

function checkContext(value: unknown, path: string, objectIsActivity: boolean): void {
  const context = object(value, path);
  onlyKeys(
    context,
    [
      'registration',
      'instructor',
      'team',
      'contextActivities',
      'contextAgents',
      'contextGroups',
      'revision',
      'platform',
      'language',
      'statement',
      'extensions',
    ],
    path,
  );
  if (context.registration !== undefined) uuid(context.registration, `${path}.registration`);
  if (context.instructor !== undefined) checkActor(context.instructor, `${path}.instructor`);
  if (context.team !== undefined) checkGroup(context.team, `${path}.team`);
  if (context.contextActivities !== undefined)
    checkContextActivities(context.contextActivities, `${path}.contextActivities`);
  if (context.contextAgents !== undefined)
    checkContextAgents(context.contextAgents, `${path}.contextAgents`, 'agent');
  if (context.contextGroups !== undefined)
    checkContextAgents(context.contextGroups, `${path}.contextGroups`, 'group');
  for (const key of ['revision', 'platform'] as const) {
    if (context[key] === undefined) continue;
    string(context[key], `${path}.${key}`);
    if (!objectIsActivity)
      throw invalidStatement(`${path}.${key}`, 'is only allowed when the object is an Activity');
  }
  if (
    context.language !== undefined &&
    !(typeof context.language === 'string' && LANGUAGE_TAG.test(context.language))
  )
    throw invalidStatement(`${path}.language`, 'is not a language tag');
  if (context.statement !== undefined) checkStatementRef(context.statement, `${path}.statement`);
  if (context.extensions !== undefined) extensions(context.extensions, `${path}.extensions`);
}

function checkAttachments(value: unknown, path: string): void {
  if (!Array.isArray(value)) throw invalidStatement(path, 'must be an array');
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    const attachment = object(item, at);
    onlyKeys(
      attachment,
      ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'],
      at,
    );
    iri(attachment.usageType, `${at}.usageType`);
    languageMap(attachment.display, `${at}.display`);
    if (attachment.description !== undefined)
      languageMap(attachment.description, `${at}.description`);
    string(attachment.contentType, `${at}.contentType`);
    if (!Number.isSafeInteger(attachment.length) || (attachment.length as number) < 0)
      throw invalidStatement(`${at}.length`, 'must be a whole number of bytes');
    if (!(typeof attachment.sha2 === 'string' && /^[0-9a-f]{64,128}$/i.test(attachment.sha2)))
      throw invalidStatement(`${at}.sha2`, 'must be a SHA-2 hex digest');
    if (attachment.fileUrl !== undefined) iri(attachment.fileUrl, `${at}.fileUrl`);
  });
}

/** Actor, verb, object, result, context, timestamp and attachments: shared by both kinds. */
function checkCore(statement: JsonObject, path: string, inSubStatement: boolean): void {
  for (const key of ['actor', 'verb', 'object'])
    if (statement[key] === undefined) throw invalidStatement(`${path}.${key}`, 'is required');
  checkActor(statement.actor, `${path}.actor`);
  checkVerb(statement.verb, `${path}.verb`);
  checkObject(statement.object, `${path}.object`, inSubStatement);
  if (statement.result !== undefined) checkResult(statement.result, `${path}.result`);
  const target = statement.object as JsonObject;
  const objectIsActivity = (target.objectType ?? 'Activity') === 'Activity';
  if (statement.context !== undefined)
    checkContext(statement.context, `${path}.context`, objectIsActivity);
  if (statement.timestamp !== undefined) timestamp(statement.timestamp, `${path}.timestamp`);
  if (statement.attachments !== undefined)
    checkAttachments(statement.attachments, `${path}.attachments`);
}

function checkSubStatement(value: JsonObject, path: string): void {
  onlyKeys(
    value,
    ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'],
    path,
  );
  checkCore(value, path, true);
}

/**
 * An Agent, or (OAuth: the application and the user) an anonymous Group of exactly two Agents.
 */
function checkAuthority(value: unknown, path: string): void {
  checkActor(value, path);
  const authority = value as JsonObject;
  if (authority.objectType !== 'Group') return;
  if (IFIS.some((key) => authority[key] !== undefined))
    throw invalidStatement(path, 'a Group authority must be anonymous');
  if (!Array.isArray(authority.member) || authority.member.length !== 2)
    throw invalidStatement(`${path}.member`, 'a Group authority has exactly two Agents');
}

/**
 * Refuses a statement that breaks the xAPI rules (400 INVALID_STATEMENT naming the property).
 * `stored` and `authority` may be sent but are replaced by the store.
 */
export function checkStatement(value: unknown, path = 'statement'): JsonObject {
  const statement = object(value, path);
  onlyKeys(
    statement,
    [
      'id',
      'actor',
      'verb',
      'object',
      'result',
      'context',
      'timestamp',
      'stored',
      'authority',
      'version',
      'attachments',
      'objectType',
    ],
    path,
  );
  if (statement.objectType !== undefined)
    throw invalidStatement(`${path}.objectType`, 'a statement has no objectType');
  if (statement.id !== undefined) uuid(statement.id, `${path}.id`);
  if (statement.version !== undefined) {
    if (typeof statement.version !== 'string' || !STATEMENT_VERSION.test(statement.version))
      throw invalidStatement(`${path}.version`, 'must be a 1.0.x or 2.0.x version');
  }
  if (statement.stored !== undefined) timestamp(statement.stored, `${path}.stored`);
  if (statement.authority !== undefined) checkAuthority(statement.authority, `${path}.authority`);
  checkCore(statement, path, false);
  const verb = statement.verb as JsonObject;
  if (verb.id === VOIDED_VERB) {
    const target = statement.object as JsonObject;
    if (target.objectType !== 'StatementRef')
      throw invalidStatement(`${path}.object`, 'a voiding statement must target a StatementRef');
  }
  return statement;
}
