import { createHash } from 'node:crypto';
import type {
  AttendanceRecordedEvent,
  CertificateIssuedEvent,
  EnrollmentEvent,
  LessonCompletedEvent,
  OutboxEvents,
  QuizAttemptedEvent,
} from '@lifelong/common';
import type { JsonObject } from '../statements/statement-rules';

/** The ADL verbs (and the registry's `earned`) the platform's own statements use. */
export const PLATFORM_VERBS = {
  registered: 'http://adlnet.gov/expapi/verbs/registered',
  // ADL's vocabulary has no verb for leaving a course one registered for; the registry's is this.
  unregistered: 'http://id.tincanapi.com/verb/unregistered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  attended: 'http://adlnet.gov/expapi/verbs/attended',
  // ADL's vocabulary has no verb for receiving a credential; the xAPI registry's is this one.
  earned: 'http://id.tincanapi.com/verb/earned',
} as const;

type VerbName = keyof typeof PLATFORM_VERBS;

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  meeting: 'http://adlnet.gov/expapi/activities/meeting',
} as const;

/** The xAPI Video profile's result extensions for what was watched. */
export const VIDEO_EXTENSIONS = {
  playedSegments: 'https://w3id.org/xapi/video/extensions/played-segments',
  progress: 'https://w3id.org/xapi/video/extensions/progress',
  length: 'https://w3id.org/xapi/video/extensions/length',
} as const;

/** The events that become statements, and only those. */
export type LearningEventType =
  | 'enrollment.confirmed'
  | 'enrollment.promoted'
  | 'enrollment.withdrawn'
  | 'enrollment.completed'
  | 'enrollment.lesson-completed'
  | 'enrollment.quiz-attempted'
  | 'television.attendance-recorded'
  | 'certificate.issued';

/** An outbox event as the statement builder needs it. */
export interface LearningEvent<E extends LearningEventType = LearningEventType> {
  id: string;
  type: E;
  payload: OutboxEvents[E];
  /** When the event was written; the time of events whose payload carries none. */
  recordedAt: Date;
}

/** Fixed namespace of the statement ids derived from outbox events (UUID v5, RFC 9562). */
const STATEMENT_NAMESPACE = Buffer.from('6f1c2b7e4d0a4c59a1f3e2d8b7c6a5f4', 'hex');

/**
 * The statement id of verb `verb` for outbox event `eventId`: the same every time it is
 * derived, so a re-delivered event stores nothing new.
 */
export function statementIdFor(eventId: string, verb: VerbName): string {
  const hash = createHash('sha1')
    .update(STATEMENT_NAMESPACE)
    .update(`outbox-event:${eventId}:${verb}`)
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Builds the statements of the platform's own learning events. Everything comes from the event
 * (ids, times, titles as they were), never from current state, so building again gives the same
 * content: the store's immutability makes a re-run a no-op instead of a conflict.
 */
export class PlatformStatements {
  constructor(private readonly publicUrl: string) {}

  /** The learner as an xAPI Agent: an account on this platform, no email. */
  learner(userId: string): JsonObject {
    return { objectType: 'Agent', account: { homePage: this.publicUrl, name: userId } };
  }

  of(event: LearningEvent): JsonObject[] {
    switch (event.type) {
      case 'enrollment.confirmed':
      case 'enrollment.promoted':
        return [this.courseStatement(event as LearningEvent<'enrollment.confirmed'>, 'registered')];
      case 'enrollment.withdrawn':
        return [
          this.courseStatement(event as LearningEvent<'enrollment.withdrawn'>, 'unregistered'),
        ];
      case 'enrollment.completed':
        return [this.courseStatement(event as LearningEvent<'enrollment.completed'>, 'completed')];
      case 'enrollment.lesson-completed':
        return this.lessonCompleted(event as LearningEvent<'enrollment.lesson-completed'>);
      case 'enrollment.quiz-attempted':
        return this.quizAttempted(event as LearningEvent<'enrollment.quiz-attempted'>);
      case 'television.attendance-recorded':
        return [this.attended(event as LearningEvent<'television.attendance-recorded'>)];
      case 'certificate.issued':
        return [this.earned(event as LearningEvent<'certificate.issued'>)];
    }
  }

  private courseStatement(event: LearningEvent<EnrollmentEventType>, verb: VerbName): JsonObject {
    const payload: EnrollmentEvent = event.payload;
    return this.statement(event.id, verb, payload.userId, event.recordedAt.toISOString(), {
      object: this.course(payload.courseId, payload.courseTitle),
      context: { registration: payload.enrollmentId },
      ...(verb === 'completed' ? { result: { completion: true } } : {}),
    });
  }

  /** `completed` for every lesson; a video completed by watching also has its `progressed`. */
  private lessonCompleted(event: LearningEvent<'enrollment.lesson-completed'>): JsonObject[] {
    const payload: LessonCompletedEvent = event.payload;
    const lesson = this.activity('lesson', payload.lessonId, ACTIVITY_TYPES.lesson);
    const context = this.withinCourse(payload.courseId, payload.enrollmentId);
    const completed = this.statement(event.id, 'completed', payload.userId, payload.completedAt, {
      object: lesson,
      result: { completion: true },
      context,
    });
    const { watched } = payload;
    if (!watched) return [completed];
    const progress = Math.min(1, watched.watchedSeconds / watched.durationSeconds);
    const progressed = this.statement(event.id, 'progressed', payload.userId, payload.completedAt, {
      object: lesson,
      result: {
        extensions: {
          [VIDEO_EXTENSIONS.playedSegments]: watched.segments
            .map(([from, to]) => `${from}[.]${to}`)
            .join('[,]'),
          [VIDEO_EXTENSIONS.progress]: Math.round(progress * 1000) / 1000,
          [VIDEO_EXTENSIONS.length]: watched.durationSeconds,
        },
      },
      context,
    });
    return [progressed, completed];
  }

  /** `answered` with the score, then `passed` or `failed` with it. */
  private quizAttempted(event: LearningEvent<'enrollment.quiz-attempted'>): JsonObject[] {
    const payload: QuizAttemptedEvent = event.payload;
    const quiz = this.activity('lesson', payload.lessonId, ACTIVITY_TYPES.assessment);
    const score = { scaled: payload.score / 100, raw: payload.score, min: 0, max: 100 };
    const context = {
      ...this.withinCourse(payload.courseId, payload.enrollmentId),
      extensions: { [this.extension('attempt-number')]: payload.attemptNumber },
    };
    const at = payload.attemptedAt;
    return [
      this.statement(event.id, 'answered', payload.userId, at, {
        object: quiz,
        result: { score, success: payload.passed },
        context,
      }),
      this.statement(event.id, payload.passed ? 'passed' : 'failed', payload.userId, at, {
        object: quiz,
        result: { score, success: payload.passed, completion: payload.passed },
        context,
      }),
    ];
  }

  /**
   * `attended` the broadcast, within its lesson and course; a group viewing names its facility
   * and the staff member who recorded it.
   */
  private attended(event: LearningEvent<'television.attendance-recorded'>): JsonObject {
    const payload: AttendanceRecordedEvent = event.payload;
    const context: JsonObject = {
      contextActivities: {
        parent: [this.activity('lesson', payload.lessonId, ACTIVITY_TYPES.lesson)],
        grouping: [this.course(payload.courseId)],
      },
      extensions: { [this.extension('attendance-method')]: payload.method },
    };
    if (payload.facilityId !== null) {
      (context.contextActivities as JsonObject).other = [
        this.activity('facility', payload.facilityId),
      ];
      context.contextAgents = [
        {
          objectType: 'contextAgent',
          agent: this.learner(payload.recordedBy),
          relevantTypes: [`${this.publicUrl}/xapi/agent-types/recorder`],
        },
      ];
    }
    return this.statement(event.id, 'attended', payload.userId, payload.recordedAt, {
      object: this.activity('broadcast', payload.broadcastId, ACTIVITY_TYPES.meeting),
      context,
    });
  }

  /** `earned` the certificate (an activity named by its serial) for the course. */
  private earned(event: LearningEvent<'certificate.issued'>): JsonObject {
    const payload: CertificateIssuedEvent = event.payload;
    return this.statement(event.id, 'earned', payload.userId, payload.issuedAt, {
      object: this.activity('certificate', payload.serial),
      context: {
        registration: payload.enrollmentId,
        contextActivities: { parent: [this.course(payload.courseId, payload.courseTitle)] },
      },
    });
  }

  private statement(
    eventId: string,
    verb: VerbName,
    userId: string,
    timestamp: string,
    rest: { object: JsonObject; result?: JsonObject; context?: JsonObject },
  ): JsonObject {
    return {
      id: statementIdFor(eventId, verb),
      actor: this.learner(userId),
      verb: { id: PLATFORM_VERBS[verb], display: { en: verb } },
      object: rest.object,
      ...(rest.result ? { result: rest.result } : {}),
      context: { platform: 'Lifelong', ...rest.context },
      timestamp,
    };
  }

  private withinCourse(courseId: string, enrollmentId: string): JsonObject {
    return {
      registration: enrollmentId,
      contextActivities: { parent: [this.course(courseId)] },
    };
  }

  private course(courseId: string, title?: string): JsonObject {
    const activity = this.activity('course', courseId, ACTIVITY_TYPES.course);
    if (title) (activity.definition as JsonObject).name = { vi: title };
    return activity;
  }

  /** `${PUBLIC_URL}/xapi/activities/<kind>/<id>`, of an ADL type or of this platform's own. */
  private activity(kind: string, id: string, type?: string): JsonObject {
    return {
      objectType: 'Activity',
      id: `${this.publicUrl}/xapi/activities/${kind}/${encodeURIComponent(id)}`,
      definition: { type: type ?? `${this.publicUrl}/xapi/activity-types/${kind}` },
    };
  }

  private extension(name: string): string {
    return `${this.publicUrl}/xapi/extensions/${name}`;
  }
}

type EnrollmentEventType =
  'enrollment.confirmed' | 'enrollment.promoted' | 'enrollment.withdrawn' | 'enrollment.completed';
