import { Injectable } from '@nestjs/common';
import type { LrsClient } from '../clients/lrs-client';
import { LearningRecordsError } from '../learning-records-error';
import { keyHash } from './statement-keys';
import { checkActor, isIri, type JsonObject } from './statement-rules';
import { StatementsRepository } from './statements.repository';

// The Activities Resource (an activity's definition as the statements stored it) and the Agents
// Resource (the Person an Agent is). This store links no identities, so a Person is the Agent
// asked about; an Activity merges the definitions of the newest statements that name it.

/** How many statements naming the activity are read for its definition (the newest). */
const DEFINITION_STATEMENTS = 100;

const invalid = (parameter: string, problem: string): LearningRecordsError =>
  new LearningRecordsError('INVALID_QUERY', `${parameter}: ${problem}`, { parameter });

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every Activity with `id` a statement names: object, context activities, SubStatement. */
function activitiesNamed(statement: JsonObject, id: string, into: JsonObject[]): void {
  const target = statement.object;
  if (isObject(target)) {
    if ((target.objectType ?? 'Activity') === 'Activity' && target.id === id) into.push(target);
    if (target.objectType === 'SubStatement') activitiesNamed(target, id, into);
  }
  const context = statement.context;
  const lists = isObject(context) ? context.contextActivities : undefined;
  if (isObject(lists))
    for (const entry of Object.values(lists))
      for (const activity of [entry].flat())
        if (isObject(activity) && activity.id === id) into.push(activity);
}

const LANGUAGE_MAPS = ['name', 'description'];

/** Later definitions win property by property; language maps gather every language. */
export function mergeDefinitions(definitions: JsonObject[]): JsonObject | undefined {
  if (definitions.length === 0) return undefined;
  const merged: JsonObject = {};
  for (const definition of definitions)
    for (const [key, value] of Object.entries(definition))
      merged[key] =
        LANGUAGE_MAPS.includes(key) && isObject(merged[key]) && isObject(value)
          ? { ...merged[key], ...value }
          : value;
  return merged;
}

/** The Person object of an Agent (`agent` as sent, JSON). */
export function personOf(agentParam: string | undefined): JsonObject {
  if (agentParam === undefined) throw invalid('agent', 'is required');
  let agent: unknown;
  try {
    agent = JSON.parse(agentParam);
    checkActor(agent, 'agent');
  } catch {
    throw invalid('agent', 'must be an Agent as JSON');
  }
  const sent = agent as JsonObject;
  if (sent.objectType === 'Group') throw invalid('agent', 'must be an Agent as JSON');
  const person: JsonObject = { objectType: 'Person' };
  for (const key of ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account'])
    if (sent[key] !== undefined) person[key] = [sent[key]];
  return person;
}

@Injectable()
export class ActivitiesAndAgents {
  constructor(private readonly statements: StatementsRepository) {}

  /**
   * GET /xapi/activities: the Activity with the definitions of the newest statements this
   * client may read merged (oldest first, so the newest wins); just the id when none has one.
   */
  async activity(client: LrsClient, activityId: string | undefined): Promise<JsonObject> {
    if (client.readScope === 'none')
      throw new LearningRecordsError('XAPI_SCOPE_MISSING', 'This client may not read statements');
    if (activityId === undefined) throw invalid('activityId', 'is required');
    if (!isIri(activityId)) throw invalid('activityId', 'must be an absolute IRI');
    const rows = await this.statements.query({
      activity: { hash: keyHash(activityId), related: true },
      clientId: client.readScope === 'mine' ? client.id : undefined,
      ascending: false,
      limit: DEFINITION_STATEMENTS - 1,
    });
    const found: JsonObject[] = [];
    for (const row of rows.reverse())
      activitiesNamed(JSON.parse(row.statement) as JsonObject, activityId, found);
    const definition = mergeDefinitions(
      found.map((activity) => activity.definition).filter(isObject),
    );
    return { objectType: 'Activity', id: activityId, ...(definition ? { definition } : {}) };
  }
}
