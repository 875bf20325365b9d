import type { JsonObject } from '../statements/statement-rules';

/**
 * What a content launch's credentials allow (cmi5's auth token): statements and state of one
 * learner, in one registration, about one activity. Granted by whoever launched the content.
 */
export interface LaunchGrant {
  /** The launch session the credentials were issued to. */
  sessionId: string;
  /** The registration: the launch client's id too, so every session of it shares its documents. */
  registration: string;
  /** The learner as an Agent. */
  actor: JsonObject;
  /** The launched activity (a cmi5 AU). */
  activityId: string;
}

/** The key prefix of launch credentials, told apart from issued clients' `lrs_` keys. */
export const LAUNCH_KEY_PREFIX = 'launch_';

/**
 * The port between the store and what launches content: the store asks it for the grant
 * behind launch credentials, and tells it which statements those credentials sent, once they
 * are stored (again, when sent again: the listener must make a repeat change nothing). Bound by
 * a module above (the cmi5 lib); without one, launch credentials are refused like unknown keys.
 */
export abstract class LaunchSessions {
  /** The grant of these Basic credentials; null when unknown, wrong, expired or ended. */
  abstract authenticate(key: string, secret: string): Promise<LaunchGrant | null>;

  /** The statements sent under `grant`, after they are stored; may refuse nothing. */
  abstract statementsStored(grant: LaunchGrant, statements: readonly JsonObject[]): Promise<void>;

  /** Refuses statements the launch's own rules forbid (cmi5's), before anything is stored. */
  abstract checkStatements(grant: LaunchGrant, statements: readonly JsonObject[]): Promise<void>;
}
