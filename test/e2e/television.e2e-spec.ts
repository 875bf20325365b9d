import { ManualClock } from '@lifelong/common';
import ICAL from 'ical.js';
import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import { expectStatus, signIn } from '../support/e2e';
import { PERSON_PASSWORD, peopleRegistry } from '../support/people';

// The real scope trees (facilities are checked on role grants) and a clock the journey moves.
const clock = new ManualClock('2026-12-01T02:00:00.000Z');
const api = adminSession({ clock });
const register = peopleRegistry(() => api.http, 'truyen-hinh');

describe('a course taught on television', () => {
  it('is scheduled, found in the learner’s calendar, attended with the on-screen code, and completed', async () => {
    let token = api.adminToken;
    const { asAdmin } = api;
    const unit = await expectStatus(
      answered(
        asAdmin.POST('/api/v1/admin-units', {
          body: { code: 'VN-15', name: 'Tỉnh Yên Bái', level: 'province' },
        }),
      ),
      201,
    );
    const facility = await expectStatus(
      answered(
        asAdmin.POST('/api/v1/facilities', {
          body: {
            code: 'TTHTCD-MCC',
            name: 'Trung tâm học tập cộng đồng Mù Cang Chải',
            type: 'community_learning_center',
            adminUnitId: unit.id,
          },
        }),
      ),
      201,
    );
    const channel = await expectStatus(
      answered(
        asAdmin.POST('/api/v1/channels', {
          // The facility's own channel: its instructors schedule on it (a national one is the
          // platform admins' to schedule).
          body: { code: 'YBTV', name: 'Truyền hình Yên Bái', facilityId: facility.id },
        }),
      ),
      201,
    );
    const teacher = await register();
    await expectStatus(
      api.http.post(`/api/v1/admin/users/${teacher.id}/roles`, {
        token,
        body: { role: 'instructor', scopeType: 'facility', scopeId: facility.id },
      }),
      201,
    );
    const teacherEmail = 'truyen-hinh-1@example.vn';
    token = await signIn(api.http, teacherEmail, PERSON_PASSWORD);
    const asTeacher = apiClient(api.http.base, token);
    const course = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/courses', {
          body: {
            facilityId: facility.id,
            title: 'Trồng chè sạch',
            summary: 'Học qua truyền hình',
          },
        }),
      ),
      201,
    );
    const courseId = course.id;
    const section = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/courses/{id}/sections', {
          params: { path: { id: courseId } },
          body: { title: 'Phần 1' },
        }),
      ),
      201,
    );
    const lesson = (title: string) =>
      expectStatus(
        answered(
          asTeacher.POST('/api/v1/sections/{id}/lessons', {
            params: { path: { id: section.id } },
            body: { title, kind: 'television' },
          }),
        ),
        201,
      );
    const first = await lesson('Bài 1: Chọn giống chè');
    const second = await lesson('Bài 2: Bón phân hữu cơ');
    await expectStatus(
      answered(
        asTeacher.POST('/api/v1/courses/{id}/publish', { params: { path: { id: courseId } } }),
      ),
      200,
    );
    // Two Mondays at 19:00 Hà Nội time for the first lesson, one Tuesday for the second.
    const series = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/broadcasts', {
          body: {
            channelId: channel.id,
            lessonId: first.id,
            startsAt: '2026-12-07T19:00:00+07:00',
            endsAt: '2026-12-07T19:45:00+07:00',
            recurrence: 'FREQ=WEEKLY;COUNT=2',
          },
        }),
      ),
      201,
    );
    expect(series.series.map((slot) => slot.startsAt)).toEqual([
      '2026-12-07T12:00:00.000Z',
      '2026-12-14T12:00:00.000Z',
    ]);
    const tuesday = await expectStatus(
      answered(
        asTeacher.POST('/api/v1/broadcasts', {
          body: {
            channelId: channel.id,
            lessonId: second.id,
            startsAt: '2026-12-08T12:00:00Z',
            endsAt: '2026-12-08T12:45:00Z',
          },
        }),
      ),
      201,
    );

    // A learner's player lists the airings of one lesson.
    const airingsOf = async (lessonId: string): Promise<unknown[]> => {
      const range = { from: '2026-12-07T00:00:00Z', to: '2026-12-31T00:00:00Z' };
      const page = await expectStatus(
        answered(
          apiClient(api.http.base).GET('/api/v1/broadcasts', {
            params: { query: { ...range, lessonId } },
          }),
        ),
        200,
      );
      return page.items.map((slot) => slot.startsAt);
    };
    expect(await airingsOf(first.id)).toEqual([
      '2026-12-07T12:00:00.000Z',
      '2026-12-14T12:00:00.000Z',
    ]);
    expect(await airingsOf(second.id)).toEqual([tuesday.startsAt]);

    const learner = await register();
    const learnerEmail = 'truyen-hinh-2@example.vn';
    const asLearner = apiClient(api.http.base, learner.token);
    const enrollment = await expectStatus(
      answered(
        asLearner.POST('/api/v1/courses/{id}/enrollments', { params: { path: { id: courseId } } }),
      ),
      201,
    );
    const feed = await expectStatus(answered(asLearner.GET('/api/v1/me/schedule-feed')), 200);
    const feedUrl = new URL(feed.url);
    const ics = await fetch(`${api.http.base}${feedUrl.pathname}${feedUrl.search}`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()) as unknown[]);
    for (const zone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(
      events.map((event) => [event.summary, event.startDate.toJSDate().toISOString()]),
    ).toEqual([
      ['Bài 1: Chọn giống chè — Trồng chè sạch', '2026-12-07T12:00:00.000Z'],
      ['Bài 2: Bón phân hữu cơ — Trồng chè sạch', '2026-12-08T12:00:00.000Z'],
      ['Bài 1: Chọn giống chè — Trồng chè sạch', '2026-12-14T12:00:00.000Z'],
    ]);

    // Monday evening, ten minutes into the airing: the code is on screen (staff can read it).
    clock.set('2026-12-07T12:10:00.000Z');
    const broadcast = (id: string, who: string) =>
      answered(
        apiClient(api.http.base, who).GET('/api/v1/broadcasts/{id}', { params: { path: { id } } }),
      );
    // The code as staff read it: the answer leaves it out for learners, so its type is optional.
    const attend = (id: string, who: string, code: string | undefined) =>
      answered(
        apiClient(api.http.base, who).POST('/api/v1/broadcasts/{id}/attendance', {
          params: { path: { id } },
          body: { code: code! },
        }),
      );
    const onScreen = await expectStatus(
      broadcast(series.id, await signIn(api.http, teacherEmail, PERSON_PASSWORD)),
      200,
    );
    let learnerToken = await signIn(api.http, learnerEmail, PERSON_PASSWORD);
    const hidden = await expectStatus(broadcast(series.id, learnerToken), 200);
    expect(hidden).not.toHaveProperty('attendanceCode');
    const present = await expectStatus(
      attend(series.id, learnerToken, onScreen.attendanceCode),
      201,
    );
    expect(present).toMatchObject({ lessonCompleted: true, courseCompleted: false });
    const halfway = await expectStatus(
      answered(
        apiClient(api.http.base, learnerToken).GET('/api/v1/enrollments/{id}', {
          params: { path: { id: enrollment.id } },
        }),
      ),
      200,
    );
    expect(halfway.progressPercent).toBe(50);

    // Tuesday: the second lesson, entered during the grace period after the end.
    clock.set('2026-12-08T13:10:00.000Z');
    const tuesdayCode = await expectStatus(
      broadcast(tuesday.id, await signIn(api.http, teacherEmail, PERSON_PASSWORD)),
      200,
    );
    learnerToken = await signIn(api.http, learnerEmail, PERSON_PASSWORD);
    const done = await expectStatus(
      attend(tuesday.id, learnerToken, tuesdayCode.attendanceCode),
      201,
    );
    expect(done).toMatchObject({ lessonCompleted: true, courseCompleted: true });
    const mine = await expectStatus(
      api.http.get('/api/v1/me/enrollments', { token: learnerToken }),
      200,
    );
    expect(mine.items).toEqual([
      expect.objectContaining({ courseId: course.id, status: 'completed', progressPercent: 100 }),
    ]);
  });
});
