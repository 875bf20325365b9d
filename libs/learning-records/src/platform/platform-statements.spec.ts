import { checkStatement, type JsonObject } from '../statements/statement-rules';
import {
  type LearningEvent,
  PLATFORM_VERBS,
  PlatformStatements,
  statementIdFor,
} from './platform-statements';

const URL = 'https://hoc.example.vn';
const build = new PlatformStatements(URL);
const RECORDED_AT = new Date('2026-12-05T12:00:00.000Z');
const ENROLLMENT = '0193a0c2-7b1e-7c3d-9f00-0123456789ab';

const attendance = (
  facilityId: string | null,
): LearningEvent<'television.attendance-recorded'> => ({
  id: '42',
  type: 'television.attendance-recorded',
  recordedAt: RECORDED_AT,
  payload: {
    attendanceId: 'a1',
    broadcastId: 'b1',
    courseId: 'c1',
    lessonId: 'l1',
    userId: 'u1',
    method: facilityId ? 'group' : 'code',
    facilityId,
    recordedBy: facilityId ? 'staff1' : 'u1',
    recordedAt: '2026-12-05T12:30:00.000Z',
  },
});

describe('statementIdFor', () => {
  it('is a version 5 UUID, the same for the same event and verb, different otherwise', () => {
    const id = statementIdFor('42', 'attended');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statementIdFor('42', 'attended')).toBe(id);
    expect(statementIdFor('43', 'attended')).not.toBe(id);
    expect(statementIdFor('42', 'completed')).not.toBe(id);
  });
});

describe('PlatformStatements', () => {
  it("states a learner's own check-in as attended the broadcast, in its lesson and course", () => {
    const [statement] = build.of(attendance(null)) as [JsonObject];
    expect(() => checkStatement(statement)).not.toThrow();
    expect(statement).toMatchObject({
      id: statementIdFor('42', 'attended'),
      actor: { objectType: 'Agent', account: { homePage: URL, name: 'u1' } },
      verb: { id: PLATFORM_VERBS.attended },
      object: {
        id: `${URL}/xapi/activities/broadcast/b1`,
        definition: { type: 'http://adlnet.gov/expapi/activities/meeting' },
      },
      timestamp: '2026-12-05T12:30:00.000Z',
      context: {
        contextActivities: {
          parent: [{ id: `${URL}/xapi/activities/lesson/l1` }],
          grouping: [{ id: `${URL}/xapi/activities/course/c1` }],
        },
        extensions: { [`${URL}/xapi/extensions/attendance-method`]: 'code' },
      },
    });
    expect((statement.context as JsonObject).contextAgents).toBeUndefined();
  });

  it('names the facility and the staff member who recorded a group viewing', () => {
    const [statement] = build.of(attendance('f1')) as [JsonObject];
    expect(() => checkStatement(statement)).not.toThrow();
    expect(statement.context).toMatchObject({
      contextActivities: { other: [{ id: `${URL}/xapi/activities/facility/f1` }] },
      contextAgents: [
        {
          objectType: 'contextAgent',
          agent: { objectType: 'Agent', account: { homePage: URL, name: 'staff1' } },
          relevantTypes: [`${URL}/xapi/agent-types/recorder`],
        },
      ],
    });
  });

  it('builds the same content every time (a re-run is a no-op in the store)', () => {
    expect(build.of(attendance('f1'))).toEqual(build.of(attendance('f1')));
  });

  it('states an enrollment as registered in the course, at the time the event was recorded', () => {
    const [statement] = build.of({
      id: '7',
      type: 'enrollment.confirmed',
      recordedAt: RECORDED_AT,
      payload: { enrollmentId: ENROLLMENT, courseId: 'c1', userId: 'u1', courseTitle: 'Khoá học' },
    }) as [JsonObject];
    expect(() => checkStatement(statement)).not.toThrow();
    expect(statement).toMatchObject({
      verb: { id: PLATFORM_VERBS.registered },
      object: {
        id: `${URL}/xapi/activities/course/c1`,
        definition: { name: { vi: 'Khoá học' } },
      },
      context: { registration: ENROLLMENT },
      timestamp: RECORDED_AT.toISOString(),
    });
  });

  it('states a withdrawal as unregistered from the course, in the same registration', () => {
    const [statement] = build.of({
      id: '8',
      type: 'enrollment.withdrawn',
      recordedAt: RECORDED_AT,
      payload: { enrollmentId: ENROLLMENT, courseId: 'c1', userId: 'u1', courseTitle: 'Khoá học' },
    }) as [JsonObject];
    expect(() => checkStatement(statement)).not.toThrow();
    expect(statement).toMatchObject({
      id: statementIdFor('8', 'unregistered'),
      verb: { id: PLATFORM_VERBS.unregistered },
      actor: { account: { name: 'u1' } },
      object: { id: `${URL}/xapi/activities/course/c1` },
      context: { registration: ENROLLMENT },
      timestamp: RECORDED_AT.toISOString(),
    });
  });
});
