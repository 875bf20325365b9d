import { UndeliverableEventError } from './event-payload';
import { planNotification } from './notification-recipes';

const A = '01938f2e-7c4a-7b1e-9d3f-5a6b7c8d9e01';
const B = '01938f2e-7c4a-7b1e-9d3f-5a6b7c8d9e02';
const C = '01938f2e-7c4a-7b1e-9d3f-5a6b7c8d9e03';

describe('planNotification', () => {
  it('sends an enrollment event to its learner, with the ids and (when given) the title', () => {
    expect(
      planNotification('enrollment.confirmed', { enrollmentId: A, courseId: B, userId: C }),
    ).toEqual({
      kind: 'enrollment.confirmed',
      recipientIds: [C],
      data: { enrollmentId: A, courseId: B },
    });
    const titled = planNotification(
      'enrollment.promoted',
      JSON.stringify({ enrollmentId: A, courseId: B, userId: C, courseTitle: ' Kỹ năng số ' }),
    );
    expect(titled.data).toEqual({ enrollmentId: A, courseId: B, courseTitle: 'Kỹ năng số' });
  });

  it("sends a yearly report reminder to the facility's admins it names", () => {
    expect(
      planNotification('monitoring.report-due-soon', {
        facilityId: A,
        year: '2026',
        recipientIds: [B, C],
        facilityName: 'Trung tâm Yên Sơn',
        daysLeft: '14',
        deadline: '2027-01-30T17:00:00.000Z',
      }),
    ).toEqual({
      kind: 'monitoring.report-due-soon',
      recipientIds: [B, C],
      data: {
        facilityId: A,
        year: '2026',
        facilityName: 'Trung tâm Yên Sơn',
        daysLeft: '14',
        deadline: '2027-01-30T17:00:00.000Z',
      },
    });
  });

  it('sends an overdue follow-up action to its owner and inspector, once each', () => {
    expect(
      planNotification('monitoring.action-due', {
        actionId: A,
        inspectionId: B,
        recipientIds: [C, C],
        title: 'Bổ sung sổ theo dõi',
        targetName: 'Trung tâm Yên Sơn',
        dueOn: '2027-01-15',
        daysLeft: 'overdue',
      }),
    ).toEqual({
      kind: 'monitoring.action-due',
      recipientIds: [C],
      data: {
        actionId: A,
        inspectionId: B,
        daysLeft: 'overdue',
        title: 'Bổ sung sổ theo dõi',
        targetName: 'Trung tâm Yên Sơn',
        dueOn: '2027-01-15',
      },
    });
  });

  it('sends a video outcome to its uploader', () => {
    const plan = planNotification('video.failed', {
      videoId: A,
      uploadedBy: B,
      lessonId: C,
      reason: 'no video stream',
    });
    expect(plan.recipientIds).toEqual([B]);
    expect(plan.data).toEqual({ videoId: A, lessonId: C, reason: 'no video stream' });
  });

  it('reaches every recipient a reminder names, once each, without copying the list into the data', () => {
    const plan = planNotification('broadcast.reminder', {
      broadcastId: A,
      recipientIds: [B, C, B],
      lessonTitle: 'Bài 1',
    });
    expect(plan.recipientIds).toEqual([B, C]);
    expect(plan.data).toEqual({ broadcastId: A, lessonTitle: 'Bài 1' });
  });

  it("sends a training notice to the recipients it names, keeping the managers' fields", () => {
    const plan = planNotification('training.overdue', {
      requirementId: A,
      recipientIds: [B, C],
      title: 'An toàn thông tin',
      audience: 'manager',
      staffCount: '2',
      courseId: 7,
    });
    expect(plan.recipientIds).toEqual([B, C]);
    expect(plan.data).toEqual({
      requirementId: A,
      title: 'An toàn thông tin',
      audience: 'manager',
      staffCount: '2',
    });
    expect(
      planNotification('training.due-soon', { requirementId: A, recipientIds: [B], daysLeft: '3' })
        .data,
    ).toEqual({ requirementId: A, daysLeft: '3' });
  });

  it('caps snapshot strings so rows stay narrow', () => {
    const plan = planNotification('certificate.issued', {
      userId: A,
      serial: 'LL-1',
      courseTitle: 'x'.repeat(5_000),
    });
    expect((plan.data as Record<string, string>).courseTitle).toHaveLength(300);
  });

  it.each([
    ['an event with no recipe', 'organizations.staff-import-requested', { importId: A }],
    ['no recipient', 'enrollment.confirmed', { enrollmentId: A, courseId: B }],
    ['a recipient that is not an id', 'certificate.issued', { userId: 'bob', serial: 'LL-1' }],
    ['a bad recipient list', 'broadcast.reminder', { broadcastId: A, recipientIds: [B, 7] }],
    ['a payload that is not JSON', 'enrollment.confirmed', '{oops'],
  ])('refuses %s as undeliverable', (_case, type, payload) => {
    expect(() => planNotification(type, payload)).toThrow(UndeliverableEventError);
  });
});
