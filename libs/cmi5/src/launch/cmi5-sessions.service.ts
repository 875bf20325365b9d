import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig, Clock } from '@lifelong/common';
import { EnrollmentError, CompleteLessonService } from '@lifelong/enrollment';
import {
  type JsonObject,
  LAUNCH_KEY_PREFIX,
  type LaunchGrant,
  LaunchSessions,
  LearningRecordsError,
  Statements,
} from '@lifelong/learning-records';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Cmi5Package } from '../packages/cmi5-package.entity';
import { Cmi5PackagesRepository } from '../packages/cmi5-packages.repository';
import { v5 as uuidv5 } from 'uuid';
import { CMI5_CATEGORY, CMI5_VERBS, SESSION_EXTENSION } from './cmi5-profile';
import { Cmi5LaunchesRepository } from './cmi5-launches.repository';
import type { Cmi5Registration } from './cmi5-registration.entity';
import { sha256 } from './cmi5-launch.service';
import { moveOnSatisfied } from './move-on';

/** The answer to a fetch URL (cmi5 8.2.3): the token, or an error code and text. */
export type FetchAnswer =
  { 'auth-token': string } | { 'error-code': '1' | '2' | '3'; 'error-text': string };

const SESSION_KEY = /^launch_([0-9a-f]{32})$/;

const sessionIdOf = (key: string): string | null => {
  const hex = SESSION_KEY.exec(key)?.[1];
  return hex
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : null;
};

/** The namespace of the ids of the statements this lib makes (UUID v5). */
const STATEMENT_NAMESPACE = '5f0c3b8e-8f0f-4a55-9a3c-2a4a7f1d6c21';

/** `satisfied` of the package's course, for the registration (its id is the same every time). */
function satisfiedStatement(grant: LaunchGrant, found: Cmi5Package, at: Date): JsonObject {
  return {
    id: uuidv5(`${grant.registration}/satisfied`, STATEMENT_NAMESPACE),
    actor: grant.actor,
    verb: { id: CMI5_VERBS.satisfied, display: { 'en-US': 'satisfied' } },
    object: { objectType: 'Activity', id: found.courseIri },
    context: {
      registration: grant.registration,
      contextActivities: { category: [{ id: CMI5_CATEGORY }] },
      extensions: { [SESSION_EXTENSION]: grant.sessionId },
    },
    timestamp: at.toISOString(),
  };
}

const verbOf = (statement: JsonObject): string => String((statement.verb as JsonObject).id);
const objectIdOf = (statement: JsonObject): unknown => (statement.object as JsonObject).id;

/**
 * The launch sessions behind the store's launch credentials (the learning-records port): the
 * one-time fetch that issues an auth token, the grant the token carries, the cmi5 rules on
 * what the content sends, and completing the lesson when the AU's `moveOn` is satisfied.
 */
@Injectable()
export class Cmi5Sessions extends LaunchSessions {
  private readonly logger = new Logger(Cmi5Sessions.name);

  constructor(
    private readonly launches: Cmi5LaunchesRepository,
    private readonly packages: Cmi5PackagesRepository,
    private readonly completion: CompleteLessonService,
    private readonly statements: Statements,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  /**
   * The fetch URL's answer: the first call of a live session gets the auth token (Basic
   * credentials for the store), every later one error 1; an expired session error 2, an
   * unknown token error 3.
   */
  async fetch(fetchToken: string): Promise<FetchAnswer> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(fetchToken))
      return { 'error-code': '3', 'error-text': 'Unknown launch' };
    return this.launches.transaction(async (manager) => {
      const session = await this.launches.lockSessionByFetchHash(manager, sha256(fetchToken));
      if (!session) return { 'error-code': '3', 'error-text': 'Unknown launch' };
      if (session.fetchedAt)
        return { 'error-code': '1', 'error-text': 'The auth token of this launch was fetched' };
      const now = this.clock.now();
      if (session.expiresAt <= now)
        return { 'error-code': '2', 'error-text': 'This launch has expired' };
      const secret = randomBytes(32).toString('base64url');
      await this.launches.updateSession(manager, session.id, {
        fetchedAt: now,
        tokenHash: sha256(secret),
      });
      const key = `${LAUNCH_KEY_PREFIX}${session.id.replace(/-/g, '')}`;
      return { 'auth-token': Buffer.from(`${key}:${secret}`, 'utf8').toString('base64') };
    });
  }

  async authenticate(key: string, secret: string): Promise<LaunchGrant | null> {
    const sessionId = sessionIdOf(key);
    if (!sessionId) return null;
    const session = await this.launches.sessionById(sessionId);
    if (!session?.tokenHash || session.expiresAt <= this.clock.now()) return null;
    if (!timingSafeEqual(session.tokenHash, sha256(secret))) return null;
    const registration = await this.launches.registrationById(session.registrationId);
    const found = registration && (await this.packages.byId(registration.packageId));
    if (!registration || !found) return null;
    return {
      sessionId,
      registration: registration.id,
      actor: {
        objectType: 'Agent',
        account: { homePage: this.config.http.publicUrl, name: registration.userId },
      },
      activityId: found.auIri,
    };
  }

  /**
   * cmi5's rules on what the AU sends about itself: `completed`, `passed` and `failed` are about
   * the AU, and a `passed` with a mastery score set must reach it (9.3.4); 400 otherwise.
   */
  async checkStatements(grant: LaunchGrant, statements: readonly JsonObject[]): Promise<void> {
    const verdicts = statements.filter((statement) =>
      [CMI5_VERBS.completed, CMI5_VERBS.passed, CMI5_VERBS.failed].includes(
        verbOf(statement) as never,
      ),
    );
    if (verdicts.length === 0) return;
    const found = await this.packageOf(grant.registration);
    for (const statement of verdicts) {
      if (objectIdOf(statement) !== grant.activityId)
        throw new LearningRecordsError(
          'INVALID_STATEMENT',
          'statement.object: cmi5 verdicts must be about the launched AU',
          { path: 'statement.object' },
        );
      const scaled = ((statement.result as JsonObject | undefined)?.score as JsonObject | undefined)
        ?.scaled;
      if (
        verbOf(statement) === CMI5_VERBS.passed &&
        found?.masteryScore !== null &&
        found?.masteryScore !== undefined &&
        typeof scaled === 'number' &&
        scaled < Number(found.masteryScore)
      )
        throw new LearningRecordsError(
          'INVALID_STATEMENT',
          'statement.result.score: a passed score must reach the mastery score',
          { path: 'statement.result.score' },
        );
    }
  }

  /**
   * Records the AU's first `completed`, `passed` and `failed`, and when its `moveOn` holds,
   * completes the lesson. Completing again changes nothing (enrollment's rule), so a statement
   * sent twice, or a resend after a failure here, completes it exactly once.
   */
  async statementsStored(grant: LaunchGrant, statements: readonly JsonObject[]): Promise<void> {
    const verbs = new Set(
      statements
        .filter((statement) => objectIdOf(statement) === grant.activityId)
        .map((statement) => verbOf(statement)),
    );
    if (![CMI5_VERBS.completed, CMI5_VERBS.passed, CMI5_VERBS.failed].some((v) => verbs.has(v)))
      return;
    const now = this.clock.now();
    const outcome = await this.launches.transaction(async (manager) => {
      const registration = await this.launches.lockRegistration(manager, grant.registration);
      const found = registration && (await this.packageOf(registration.id, manager));
      if (!registration || !found) return null;
      const changes: Partial<Cmi5Registration> = {};
      if (verbs.has(CMI5_VERBS.completed) && !registration.completedAt) changes.completedAt = now;
      if (verbs.has(CMI5_VERBS.passed) && !registration.passedAt) changes.passedAt = now;
      if (verbs.has(CMI5_VERBS.failed) && !registration.failedAt) changes.failedAt = now;
      const next = { ...registration, ...changes };
      const satisfied = moveOnSatisfied(found.moveOn, {
        completed: next.completedAt !== null,
        passed: next.passedAt !== null,
      });
      if (satisfied && !next.satisfiedAt) changes.satisfiedAt = now;
      if (Object.keys(changes).length)
        await this.launches.updateRegistration(manager, registration.id, changes);
      return satisfied ? { registration, found, first: changes.satisfiedAt !== undefined } : null;
    });
    if (!outcome) return;
    // cmi5 9.3.9: the LMS states the course satisfied, when it first is (under the row lock).
    if (outcome.first)
      await this.statements.recordPlatform([satisfiedStatement(grant, outcome.found, now)]);
    try {
      const { userId, lessonId } = outcome.registration;
      await this.completion.completeLessonForLearner(userId, lessonId);
    } catch (error) {
      // A learner withdrawn meanwhile: the statements stay stored, the lesson does not complete.
      if (!(error instanceof EnrollmentError)) throw error;
      this.logger.warn(`cmi5 lesson not completed: ${error.message}`);
    }
  }

  private async packageOf(
    registrationId: string,
    manager?: EntityManager,
  ): Promise<Cmi5Package | null> {
    const registration = await this.launches.registrationById(registrationId, manager);
    return registration ? this.packages.byId(registration.packageId, manager) : null;
  }
}
