import { identifierOf } from './statement-keys';
import type { JsonObject } from './statement-rules';
import type { StatementFormat } from './statement-query';

// `format` of GET /xapi/statements: `exact` returns statements as stored; `ids` keeps only what
// identifies agents, activities and verbs; `canonical` keeps one language of each language map:
// the first the client accepts (`Accept-Language`), else the first stored.

function agentIds(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const actor = value as JsonObject;
  const kept: JsonObject = {};
  if (actor.objectType !== undefined) kept.objectType = actor.objectType;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid', 'account'])
    if (actor[key] !== undefined) kept[key] = actor[key];
  if (Array.isArray(actor.member) && identifierOf(actor) === null)
    kept.member = (actor.member as unknown[]).map(agentIds);
  return kept;
}

function objectIds(value: unknown): unknown {
  const target = value as JsonObject;
  switch (target.objectType ?? 'Activity') {
    case 'Activity':
      return { id: target.id };
    case 'Agent':
    case 'Group':
      return agentIds(target);
    case 'SubStatement':
      return coreIds(target);
    default:
      return target;
  }
}

function coreIds(statement: JsonObject): JsonObject {
  const result: JsonObject = {
    ...statement,
    actor: agentIds(statement.actor),
    verb: { id: (statement.verb as JsonObject).id },
    object: objectIds(statement.object),
  };
  const context = statement.context as JsonObject | undefined;
  if (context) {
    const reduced: JsonObject = { ...context };
    if (context.instructor) reduced.instructor = agentIds(context.instructor);
    if (context.team) reduced.team = agentIds(context.team);
    const lists = context.contextActivities as Record<string, unknown> | undefined;
    if (lists)
      reduced.contextActivities = Object.fromEntries(
        Object.entries(lists).map(([key, entry]) => [
          key,
          ([entry].flat() as JsonObject[]).map((activity) => ({ id: activity.id })),
        ]),
      );
    result.context = reduced;
  }
  return result;
}

/** Context activities as lists (a single activity may be sent; it is stored as a list of one). */
export function withContextActivityLists(statement: JsonObject): JsonObject {
  const result: JsonObject = { ...statement };
  const context = statement.context as JsonObject | undefined;
  const lists = context?.contextActivities as Record<string, unknown> | undefined;
  if (context && lists)
    result.context = {
      ...context,
      contextActivities: Object.fromEntries(
        Object.entries(lists).map(([key, entry]) => [key, [entry].flat()]),
      ),
    };
  const target = statement.object as JsonObject | undefined;
  if (target?.objectType === 'SubStatement') result.object = withContextActivityLists(target);
  return result;
}

/** The language tags of an `Accept-Language` header, most wanted first (`*` adds nothing). */
export function acceptedLanguages(header: string | string[] | undefined): string[] {
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

const isLanguageMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((entry) => typeof entry === 'string');

/** One language of a map: an accepted tag, or its primary language, else the first stored. */
function oneLanguage(map: Record<string, string>, languages: string[]): Record<string, string> {
  const tags = Object.keys(map);
  for (const wanted of languages) {
    const found =
      tags.find((tag) => tag.toLowerCase() === wanted) ??
      tags.find((tag) => tag.toLowerCase().split('-')[0] === wanted.split('-')[0]);
    if (found) return { [found]: map[found]! };
  }
  const first = tags[0];
  return first === undefined ? {} : { [first]: map[first]! };
}

const LANGUAGE_MAPS = ['display', 'name', 'description'];

/** Every language map (verbs, definitions, components, attachments), extensions left alone. */
function canonical(value: unknown, languages: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, languages));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as JsonObject).map(([key, entry]) => {
      if (key === 'extensions') return [key, entry];
      if (LANGUAGE_MAPS.includes(key) && isLanguageMap(entry))
        return [key, oneLanguage(entry, languages)];
      return [key, canonical(entry, languages)];
    }),
  );
}

/** A stored statement in the format asked for. */
export function formatStatement(
  statement: JsonObject,
  format: StatementFormat,
  languages: string[] = [],
): JsonObject {
  if (format === 'canonical') return canonical(statement, languages) as JsonObject;
  if (format !== 'ids') return statement;
  const reduced = coreIds(statement);
  if (statement.authority) reduced.authority = agentIds(statement.authority);
  return reduced;
}
