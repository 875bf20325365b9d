/**
 * Learning records: a conformant xAPI 2.0 Learning Record Store (docs/xapi.md). Statements are
 * immutable and stored with their filter keys in indexed columns; clients authenticate with
 * Basic credentials that platform administrators issue, scoped to what they may read and write.
 *
 * Import {@link LearningRecordsModule} for the services below; the api adds
 * {@link LearningRecordsHttpModule}, the worker {@link LearningRecordsWorkerModule}, which turns
 * the platform's own learning events (outbox) into statements.
 */

/** Services for other processes (the demo seeder, tests). */
export { LearningRecordsModule } from './learning-records.module';
/** The xAPI resources and the LRS client administration (api only). */
export { LearningRecordsHttpModule } from './learning-records.http.module';
/** The job that stores the platform's learning events as statements (worker only). */
export { LearningRecordsWorkerModule } from './learning-records.worker.module';
export { RecordLearningEventJob } from './platform/record-learning-event.job';
/** Forwarding statements to external stores: the jobs and the administration. */
export {
  ForwardStatementsJob,
  forwardJobId,
  PlanForwardsJob,
} from './forwarding/forward-statements.job';
export { type ForwardRegistration, LrsForwards } from './forwarding/lrs-forwards.service';
export type { LrsForward } from './forwarding/lrs-forward';
/** How the platform's events become statements: their ids, verbs and activities. */
export {
  PLATFORM_VERBS,
  PlatformStatements,
  statementIdFor,
  VIDEO_EXTENSIONS,
} from './platform/platform-statements';
/** Names the xAPI version on every answer under /xapi (the api registers it). */
export { answerWithXapiVersion } from './http/xapi-version-header';
/** LRS clients: issue, list, revoke, authenticate. */
export { type IssuedClient, LrsClients } from './clients/lrs-clients.service';
export { launchClient, LRS_SCOPES, type LrsClient, type LrsScope } from './clients/lrs-client';
/**
 * Content launches (cmi5): the port a launching module binds so its launch credentials reach
 * the store, confined to one learner, registration and activity, and hear of their statements.
 */
export { LAUNCH_KEY_PREFIX, type LaunchGrant, LaunchSessions } from './launch/launch-sessions';
/** Storing and reading statements. */
export type { JsonObject } from './statements/statement-rules';
export {
  PLATFORM_CLIENT,
  type StatementPage,
  Statements,
  XAPI_VERSION,
} from './statements/statements.service';
/** Activity state, activity profiles and agent profiles. */
export { type DocumentKind, Documents } from './documents/documents.service';
/** The xAPI statement rules, for anything that builds statements to send. */
export { checkStatement, VOIDED_VERB } from './statements/statement-rules';
/** Who manages LRS clients. */
export { LRS_ADMINISTRATORS } from './policies';
/** Why the store refused something. */
export { LearningRecordsError, type LearningRecordsErrorCode } from './learning-records-error';
