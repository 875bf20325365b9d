import type { LrsClient } from '../clients/lrs-client';
import { LearningRecordsError } from '../learning-records-error';
import { agentHash } from '../statements/statement-keys';
import type { JsonObject } from '../statements/statement-rules';
import type { LaunchGrant } from './launch-sessions';

const outside = (what: string): LearningRecordsError =>
  new LearningRecordsError('XAPI_SCOPE_MISSING', `Launch credentials cover ${what} only`);

const sameAgent = (a: JsonObject, b: JsonObject): boolean => {
  const left = agentHash(a);
  const right = agentHash(b);
  return left !== null && right !== null && left.equals(right);
};

/**
 * Statements sent with launch credentials must be about their learner and registration (cmi5:
 * the LMS rejects statements whose actor or registration is not the launch's); 403 otherwise.
 */
export function assertStatementsWithinLaunch(
  grant: LaunchGrant,
  statements: readonly JsonObject[],
): void {
  for (const statement of statements) {
    if (!sameAgent(statement.actor as JsonObject, grant.actor)) throw outside("the launch's actor");
    const registration = (statement.context as JsonObject | undefined)?.registration;
    if (typeof registration !== 'string' || registration.toLowerCase() !== grant.registration)
      throw outside("the launch's registration");
  }
}

/**
 * Documents read or written with launch credentials: the launch's learner (agent) and, for
 * state, its registration; profiles of activities are not theirs to touch.
 */
export function assertDocumentWithinLaunch(
  client: LrsClient,
  kind: 'state' | 'activity-profile' | 'agent-profile',
  params: { agent?: string; registration?: string },
): void {
  const grant = client.launch;
  if (!grant) return;
  if (kind === 'activity-profile') throw outside("the launch's learner and registration");
  let agent: JsonObject | null = null;
  try {
    agent = JSON.parse(params.agent ?? 'null') as JsonObject | null;
  } catch {
    agent = null;
  }
  if (!agent || typeof agent !== 'object' || !sameAgent(agent, grant.actor))
    throw outside("the launch's actor");
  if (kind === 'state' && params.registration?.toLowerCase() !== grant.registration)
    throw outside("the launch's registration");
}
