import { type LessonForReadiness, publishReadiness } from './publish-readiness';

const lesson = (over: Partial<LessonForReadiness>): LessonForReadiness => ({
  id: 'l',
  title: 'Bài',
  kind: 'reading',
  required: true,
  videoId: null,
  videoReady: false,
  packageId: null,
  body: '<p>Nội dung</p>',
  questionCount: 0,
  ...over,
});

describe('publishReadiness', () => {
  it('refuses a course without lessons', () => {
    expect(publishReadiness([])).toEqual([
      { code: 'NO_LESSONS', message: 'The course has no lessons' },
    ]);
  });

  it('passes a course whose lessons are all ready', () => {
    expect(
      publishReadiness([
        lesson({ id: 'r' }),
        lesson({ id: 'v', kind: 'video', videoId: 'vid', videoReady: true }),
        lesson({ id: 'q', kind: 'quiz', questionCount: 3, body: null }),
        lesson({ id: 't', kind: 'television', body: null }),
      ]),
    ).toEqual([]);
  });

  it('lists every reason at once, with the lesson concerned', () => {
    const reasons = publishReadiness([
      lesson({ id: 'v1', kind: 'video', title: 'Mở đầu' }),
      lesson({ id: 'v2', kind: 'video', videoId: 'vid', videoReady: false }),
      lesson({ id: 'q', kind: 'quiz', title: 'Kiểm tra' }),
      lesson({ id: 'r', body: '<p> </p>' }),
    ]);
    expect(reasons.map(({ code, lessonId }) => [code, lessonId])).toEqual([
      ['VIDEO_NOT_READY', 'v1'],
      ['VIDEO_NOT_READY', 'v2'],
      ['QUIZ_WITHOUT_QUESTIONS', 'q'],
      ['READING_WITHOUT_BODY', 'r'],
    ]);
    expect(reasons[0]!.message).toBe('The required video lesson "Mở đầu" has no ready video');
  });

  it('lets an optional video lesson wait for its video', () => {
    expect(publishReadiness([lesson({}), lesson({ kind: 'video', required: false })])).toEqual([]);
  });

  it('refuses a course where every lesson is optional', () => {
    expect(publishReadiness([lesson({ required: false })]).map((r) => r.code)).toEqual([
      'NO_REQUIRED_LESSONS',
    ]);
  });

  it('still refuses an optional quiz without questions', () => {
    expect(
      publishReadiness([lesson({}), lesson({ id: 'q', kind: 'quiz', required: false })]).map(
        (r) => r.code,
      ),
    ).toEqual(['QUIZ_WITHOUT_QUESTIONS']);
  });

  it('refuses a required cmi5 lesson without a package, not an optional one', () => {
    expect(publishReadiness([lesson({ id: 'c', kind: 'cmi5', title: 'An toàn điện' })])).toEqual([
      {
        code: 'CMI5_WITHOUT_PACKAGE',
        message: 'The required cmi5 lesson "An toàn điện" has no package',
        lessonId: 'c',
      },
    ]);
    expect(
      publishReadiness([
        lesson({ id: 'r' }),
        lesson({ id: 'c', kind: 'cmi5', required: false }),
        lesson({ id: 'p', kind: 'cmi5', packageId: 'pkg' }),
      ]),
    ).toEqual([]);
  });
});
