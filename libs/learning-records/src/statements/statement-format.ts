import { identifierOf } from './statement-keys';
import type { JsonObject } from './statement-rules';
import type { StatementFormat } from './statement-query';

// `format` of GET /xapi/statements: `exact` returns statements as stored; `ids` keeps only what
// identifies agents, activities and verbs; `canonical` is answered as `exact` (every language
// of a language map is returned, which the specification allows when none is preferred).

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
      return { objectType: 'Activity', id: target.id };
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

/** A stored statement in the format asked for. */
export function formatStatement(statement: JsonObject, format: StatementFormat): JsonObject {
  if (format !== 'ids') return statement;
  const reduced = coreIds(statement);
  if (statement.authority) reduced.authority = agentIds(statement.authority);
  return reduced;
}
