import { createHash, randomBytes } from 'node:crypto';
import { AppConfig, Clock, newId } from '@lifelong/common';
import { isDuplicateKey } from '@lifelong/database';
import { CompleteLessonService, EnrollmentLookup } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import {
  Documents,
  type JsonObject,
  type LaunchGrant,
  launchClient,
  Statements,
} from '@lifelong/learning-records';
import { Injectable } from '@nestjs/common';
import { Cmi5Error } from '../cmi5-error';
import type { Cmi5Package } from '../packages/cmi5-package.entity';
import { Cmi5Packages } from '../packages/cmi5-packages.service';
import { contentBase, ContentSigner } from '../packages/content-signer';
import { packagedLaunchPath } from '../packages/course-structure';
import { Cmi5Lessons } from '../packages/cmi5-lessons.service';
import { CMI5_CATEGORY, CMI5_VERBS, SESSION_EXTENSION } from './cmi5-profile';
import { Cmi5LaunchesRepository } from './cmi5-launches.repository';
import type { Cmi5Registration } from './cmi5-registration.entity';
import type { Cmi5Session } from './cmi5-session.entity';

/** How long a launch may run: its content link and its auth token end then. */
export const SESSION_HOURS = 12;

/** What the lesson page opens. */
export interface LaunchView {
  /** The AU's URL with the cmi5 launch parameters. */
  url: string;
  launchMethod: Cmi5Package['launchMethod'];
  registration: string;
  sessionId: string;
}

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Launching a lesson's package for an enrolled learner (cmi5 section 8): their registration
 * (one per learner and package, reused), a new session with a one-time fetch URL, the
 * `LMS.LaunchData` state document, a `launched` statement, and the URL with `endpoint`,
 * `fetch`, `actor`, `registration` and `activityId`.
 */
@Injectable()
export class Cmi5Launches {
  private readonly signer: ContentSigner;

  constructor(
    private readonly launches: Cmi5LaunchesRepository,
    private readonly lessons: Cmi5Lessons,
    private readonly packages: Cmi5Packages,
    private readonly enrollments: EnrollmentLookup,
    private readonly completion: CompleteLessonService,
    private readonly documents: Documents,
    private readonly statements: Statements,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.signer = new ContentSigner(config.auth.jwtSecret);
  }

  /** The learner's account as an Agent, as the platform's own statements name them. */
  actorOf(userId: string): JsonObject {
    return {
      objectType: 'Agent',
      account: { homePage: this.config.http.publicUrl, name: userId },
    };
  }

  async launch(principal: Principal, lessonId: string): Promise<LaunchView> {
    const { lesson } = await this.lessons.lesson(lessonId);
    if (!(await this.enrollments.isLearning(principal.userId, lesson.courseId)))
      throw new Cmi5Error('NOT_ENROLLED', 'Enroll in the course to open this lesson', {
        courseId: lesson.courseId,
      });
    const found = await this.packages.currentOrFail(lessonId);
    const registration = await this.registrationOf(found, principal.userId);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const fetchToken = randomBytes(32).toString('base64url');
    const session: Cmi5Session = {
      id: newId(),
      registrationId: registration.id,
      fetchHash: sha256(fetchToken),
      tokenHash: null,
      fetchedAt: null,
      expiresAt,
      createdAt: now,
    };
    await this.launches.insertSession(session);
    const actor = this.actorOf(principal.userId);
    const grant: LaunchGrant = {
      sessionId: session.id,
      registration: registration.id,
      actor,
      activityId: found.auIri,
    };
    await this.writeLaunchData(grant, found);
    await this.statements.recordPlatform([this.launchedStatement(grant, found, now)]);
    // NotApplicable: the AU has no criterion, so launching it satisfies it (cmi5 10.2.5).
    if (found.moveOn === 'NotApplicable')
      await this.completion.completeLessonForLearner(principal.userId, lessonId);
    return {
      url: this.launchUrl(found, grant, fetchToken, Math.floor(expiresAt.getTime() / 1000)),
      launchMethod: found.launchMethod,
      registration: registration.id,
      sessionId: session.id,
    };
  }

  private async registrationOf(found: Cmi5Package, userId: string): Promise<Cmi5Registration> {
    const existing = await this.launches.registrationOf(found.id, userId);
    if (existing) return existing;
    const row: Cmi5Registration = {
      id: newId(),
      packageId: found.id,
      lessonId: found.lessonId,
      userId,
      completedAt: null,
      passedAt: null,
      failedAt: null,
      satisfiedAt: null,
      createdAt: this.clock.now(),
    };
    try {
      await this.launches.insertRegistration(row);
      return row;
    } catch (error) {
      // Two launches at once: the other one's registration is the learner's.
      if (!isDuplicateKey(error)) throw error;
      const theirs = await this.launches.registrationOf(found.id, userId);
      if (!theirs) throw error;
      return theirs;
    }
  }

  /** `LMS.LaunchData` (cmi5 10.2.1), merged so a new session's values replace the last. */
  private async writeLaunchData(grant: LaunchGrant, found: Cmi5Package): Promise<void> {
    const data: JsonObject = {
      contextTemplate: {
        contextActivities: { grouping: [{ id: found.courseIri }] },
        extensions: { [SESSION_EXTENSION]: grant.sessionId },
      },
      launchMode: 'Normal',
      launchMethod: found.launchMethod,
      moveOn: found.moveOn,
      returnURL: `${this.config.http.publicUrl}/lessons/${found.lessonId}`,
      ...(found.masteryScore === null ? {} : { masteryScore: Number(found.masteryScore) }),
      ...(found.launchParameters === null ? {} : { launchParameters: found.launchParameters }),
    };
    await this.documents.write(
      launchClient(grant),
      'state',
      {
        activityId: grant.activityId,
        agent: JSON.stringify(grant.actor),
        registration: grant.registration,
        stateId: 'LMS.LaunchData',
      },
      { contentType: 'application/json', content: Buffer.from(JSON.stringify(data), 'utf8') },
      {},
      true,
    );
  }

  private launchedStatement(grant: LaunchGrant, found: Cmi5Package, at: Date): JsonObject {
    return {
      id: newId(),
      actor: grant.actor,
      verb: { id: CMI5_VERBS.launched, display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: found.auIri },
      context: {
        registration: grant.registration,
        contextActivities: {
          category: [{ id: CMI5_CATEGORY }],
          grouping: [{ id: found.courseIri }],
        },
        extensions: {
          [SESSION_EXTENSION]: grant.sessionId,
          'https://w3id.org/xapi/cmi5/context/extensions/launchmode': 'Normal',
          'https://w3id.org/xapi/cmi5/context/extensions/moveon': found.moveOn,
          'https://w3id.org/xapi/cmi5/context/extensions/launchurl': found.launchPath,
        },
      },
      timestamp: at.toISOString(),
    };
  }

  private launchUrl(found: Cmi5Package, grant: LaunchGrant, fetchToken: string, expires: number) {
    const publicUrl = this.config.http.publicUrl;
    const base = contentBase(found.id, expires, this.signer.sign(found.id, expires));
    const { query } = packagedLaunchPath(found.launchPath);
    const path = found.launchPath.split(/[?#]/)[0];
    const params = new URLSearchParams(query);
    params.set('endpoint', `${publicUrl}/xapi/`);
    params.set('fetch', `${publicUrl}/api/v1/cmi5/fetch/${fetchToken}`);
    params.set('actor', JSON.stringify(grant.actor));
    params.set('registration', grant.registration);
    params.set('activityId', grant.activityId);
    return `${publicUrl}${base}/${path}?${params.toString()}`;
  }

  /** Whether a content link still holds (the files controller checks every request). */
  signedContent(packageId: string, expires: string, signature: string): boolean {
    return this.signer.valid(packageId, expires, signature, this.clock.now().getTime());
  }
}
