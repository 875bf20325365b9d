import {
  type EventRoute,
  type EventRouteOf,
  isOutboxEventType,
  jobsForEvent,
} from './outbox-events';

// The type checker (tsc -p tsconfig.json, part of the test command) reads this file too: each
// `@ts-expect-error` below fails the check the day a mismatched route would compile.
export const mismatched: readonly EventRouteOf<'enrollment.completed'>[] = [
  // @ts-expect-error a job paired with another job's payload
  { job: 'certificates.issue', payload: (event) => ({ courseId: event.courseId }) },
  // @ts-expect-error a payload without a field its job needs (`serial`)
  {
    job: 'training.attach-certificate',
    payload: (event) => ({ enrollmentId: event.enrollmentId }),
  },
  // @ts-expect-error a job that is not in the registry
  { job: 'certificates.reissue', payload: (event) => ({ enrollmentId: event.enrollmentId }) },
];

/** A route written for one event serves another only when that event carries the same fields. */
const byEnrollment: EventRoute<'enrollment.completed', 'certificates.issue'> = {
  job: 'certificates.issue',
  payload: (event) => ({ enrollmentId: event.enrollmentId }),
};
export const reused: readonly EventRouteOf<'enrollment.promoted'>[] = [byEnrollment];
// @ts-expect-error `course.capacity-raised` carries no enrollment id
export const misused: readonly EventRouteOf<'course.capacity-raised'>[] = [byEnrollment];

describe('jobsForEvent', () => {
  const routed = { eventId: '42' };

  it("maps an event to each of its routes' jobs, in order", () => {
    const event = { enrollmentId: 'e-1', courseId: 'c-1', userId: 'u-1', courseTitle: 'Sơ cứu' };
    expect(jobsForEvent('enrollment.completed', event, routed)).toEqual([
      { job: 'certificates.issue', payload: { enrollmentId: 'e-1' } },
      { job: 'training.complete-assignment', payload: { enrollmentId: 'e-1' } },
      { job: 'monitoring.refresh-figures', payload: { enrollmentId: 'e-1' } },
      { job: 'learning-records.record-event', payload: { outboxEventId: '42' } },
    ]);
  });

  it('hands notifications and learning records the event id, not a copy of the event', () => {
    const event = { enrollmentId: 'e-1', courseId: 'c-1', userId: 'u-1', courseTitle: 'Sơ cứu' };
    expect(jobsForEvent('enrollment.confirmed', event, routed)).toEqual([
      { job: 'notifications.deliver-event', payload: { outboxEventId: '42' } },
      { job: 'monitoring.refresh-figures', payload: { enrollmentId: 'e-1' } },
      { job: 'learning-records.record-event', payload: { outboxEventId: '42' } },
    ]);
  });

  it('knows the event types it routes', () => {
    expect(isOutboxEventType('certificate.issued')).toBe(true);
    expect(isOutboxEventType('certificate.misplaced')).toBe(false);
    expect(isOutboxEventType('toString')).toBe(false);
  });
});
