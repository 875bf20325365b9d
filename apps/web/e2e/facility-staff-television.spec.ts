import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { fixture } from '../../../test/support/media-fixtures';
import { VIDEO_READY_WITHIN_MS } from './support/learner-course';
import { TEST_ADMIN } from './support/platform-settings';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, test } from './support/test';
import { signIn, checkPage } from './support/journey';

// Issue 16: a community learning centre runs its television viewings. Its facility admin has
// the centre's own channel, a course with a television lesson airing now and two enrolled
// learners; the rest happens in the studio as a person would do it.
const CENTRE = 'Trung tâm học tập cộng đồng xã Ba Vì';
const ZONE = 'Asia/Ho_Chi_Minh';
const LESSON = 'Truyền hình: chăm sóc cây lúa';

// A missing element fails in seconds, not at the end of the journey's long timeout.
test.use({ actionTimeout: 15_000 });

/** yyyy-MM-dd of `daysFromNow` days from today in Hà Nội. */
function localDay(daysFromNow: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() + daysFromNow * 86_400_000),
  );
}

/** dd/MM/yyyy of a yyyy-MM-dd day. */
const shown = (day: string): string => day.split('-').reverse().join('/');

interface Centre {
  staffEmail: string;
  courseTitle: string;
  courseId: string;
  lessonId: string;
  videoId: string;
  nowAiringId: string;
  learners: { name: string; plain: string }[];
}

async function call(
  api: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  data?: unknown,
): Promise<Record<string, unknown>> {
  const response = await api.fetch(path, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    data,
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

const login = async (api: APIRequestContext, email: string, password: string) =>
  (await call(api, 'POST', '/api/v1/auth/login', undefined, { email, password }))
    .accessToken as string;

/** The centre's staff member, channel, course, a video for the replay and the airings. */
async function centre(api: APIRequestContext): Promise<Centre> {
  const stamp = Date.now().toString(36);
  const admin = await login(api, TEST_ADMIN.email, TEST_ADMIN.password);
  const facilities = await call(
    api,
    'GET',
    '/api/v1/facilities?type=community_learning_center&pageSize=100',
  );
  const facilityId = (facilities.items as { id: string; name: string }[]).find(
    (facility) => facility.name === CENTRE,
  )!.id;

  const staffEmail = `hoang.tv.${stamp}@example.vn`;
  await call(api, 'POST', '/api/v1/auth/register', undefined, {
    email: staffEmail,
    password: DEMO_PASSWORD,
    fullName: `Hoàng Thị Vân ${stamp}`,
  });
  let staff = await login(api, staffEmail, DEMO_PASSWORD);
  const me = await call(api, 'GET', '/api/v1/me', staff);
  await call(api, 'POST', `/api/v1/admin/users/${me.id as string}/roles`, admin, {
    role: 'facility_admin',
    scopeType: 'facility',
    scopeId: facilityId,
  });
  staff = await login(api, staffEmail, DEMO_PASSWORD);

  const channel = await call(api, 'POST', '/api/v1/channels', staff, {
    code: `BAVI-${stamp}`,
    name: `Kênh cộng đồng Ba Vì ${stamp}`,
    facilityId,
  });
  const courseTitle = `Trồng lúa mùa ${stamp}`;
  const course = await call(api, 'POST', '/api/v1/courses', staff, {
    facilityId,
    title: courseTitle,
    summary: 'Cùng xem truyền hình tại nhà văn hoá xã.',
  });
  const courseId = course.id as string;
  const section = await call(api, 'POST', `/api/v1/courses/${courseId}/sections`, staff, {
    title: 'Phần 1',
  });
  const lesson = await call(
    api,
    'POST',
    `/api/v1/sections/${section.id as string}/lessons`,
    staff,
    {
      title: LESSON,
      kind: 'television',
    },
  );
  const lessonId = lesson.id as string;
  await call(api, 'POST', `/api/v1/courses/${courseId}/publish`, staff);
  // The recording of the airing, uploaded to the television lesson: the replay to attach later.
  const uploaded = await api.post(`/api/v1/lessons/${lessonId}/video`, {
    headers: { authorization: `Bearer ${staff}` },
    multipart: {
      file: {
        name: 'ban-ghi.mp4',
        mimeType: 'video/mp4',
        buffer: await readFile(await fixture('lesson10s')),
      },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(202);
  const { videoId } = (await uploaded.json()) as { videoId: string };

  const now = Date.now();
  const airing = async (startsAt: string, endsAt: string) =>
    (
      await call(api, 'POST', '/api/v1/broadcasts', staff, {
        channelId: channel.id,
        lessonId,
        startsAt,
        endsAt,
      })
    ).id as string;
  const nowAiringId = await airing(
    new Date(now - 2 * 60_000).toISOString(),
    new Date(now + 40 * 60_000).toISOString(),
  );
  // Already on the channel a week from tomorrow at 19:00: the series below meets it.
  await airing(`${localDay(8)}T19:00:00+07:00`, `${localDay(8)}T19:45:00+07:00`);

  const learners = [
    { name: `Đinh Văn Đức ${stamp}`, plain: `dinh van duc ${stamp}` },
    { name: `Lò Thị Mây ${stamp}`, plain: `lo thi may ${stamp}` },
  ];
  for (const [index, learner] of learners.entries()) {
    const registered = await call(api, 'POST', '/api/v1/auth/register', undefined, {
      email: `hocvien${index}.${stamp}@example.vn`,
      password: DEMO_PASSWORD,
      fullName: learner.name,
    });
    await call(
      api,
      'POST',
      `/api/v1/courses/${courseId}/enrollments`,
      registered.accessToken as string,
    );
  }
  return { staffEmail, courseTitle, courseId, lessonId, videoId, nowAiringId, learners };
}

async function waitForVideo(api: APIRequestContext, token: string, videoId: string) {
  const by = Date.now() + VIDEO_READY_WITHIN_MS;
  for (;;) {
    const { status } = await call(api, 'GET', `/api/v1/videos/${videoId}`, token);
    if (status === 'ready') return;
    if (status === 'failed' || Date.now() > by)
      throw new Error(`the replay video is ${String(status)}`);
    await new Promise((done) => setTimeout(done, 2_000));
  }
}

test('a community learning centre shows the code, records group attendance, schedules a series past an overlap, moves and cancels an airing and attaches the replay', async ({
  page,
}) => {
  test.setTimeout(12 * 60_000);
  const setup = await centre(page.request);
  await signIn(page, setup.staffEmail);

  // The studio's television: the centre's own channel, this week, the airing on now.
  await page.getByRole('link', { name: 'Soạn bài giảng' }).first().click();
  await page.getByRole('link', { name: 'Phát sóng', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lịch phát sóng của tôi' }),
  ).toBeVisible();
  await expect(page.getByLabel('Kênh')).toHaveCount(1);
  await expect(page.getByLabel('Kênh').locator('option')).toHaveCount(1);
  const today = shown(localDay(0));
  await expect(page.getByText(setup.courseTitle).first()).toBeVisible();
  await checkPage(page, 'studio-tv-week');
  await page
    .getByRole('link', { name: new RegExp(`^Quản lý buổi ${LESSON} lúc .* ngày ${today}$`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/studio/television/broadcasts/${setup.nowAiringId}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `Buổi phát sóng: ${LESSON}` }),
  ).toBeVisible();
  await expect(page.getByText('Đang phát sóng')).toBeVisible();
  await checkPage(page, 'studio-tv-airing');

  // The code for the room's screen: large, with the time left counting down.
  await page.getByRole('link', { name: 'Hiện mã điểm danh toàn màn hình' }).click();
  await expect(
    page.getByText('Nhập mã này trong trang bài học để được ghi nhận có mặt'),
  ).toBeVisible();
  await expect(page.getByText(/^[ACEFHKMNPRTWXY3479]{6}$/)).toBeVisible();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^Còn \d\d:\d\d đến hết buổi phát sóng$/);
  const before = await timer.textContent();
  await expect(timer).not.toHaveText(before ?? '', { timeout: 3_000 });
  await expect(page.getByRole('banner')).toHaveCount(0); // nothing of the app around it
  await checkPage(page, 'studio-tv-attendance-code');
  await page.getByRole('button', { name: 'Toàn màn hình' }).click();
  await expect(page.getByRole('button', { name: 'Thoát toàn màn hình' })).toBeVisible();
  await page.getByRole('button', { name: 'Thoát toàn màn hình' }).click();
  await page.getByRole('link', { name: 'Về buổi phát sóng' }).click();

  // Group attendance: find a learner without diacritics, tick, record.
  await page.getByRole('link', { name: 'Điểm danh theo nhóm' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Điểm danh theo nhóm: ${LESSON}` }),
  ).toBeVisible();
  await expect(page.getByLabel('Cơ sở nơi nhóm cùng xem')).toHaveValue(/.+/);
  const [duc, may] = setup.learners as [Centre['learners'][0], Centre['learners'][0]];
  await page.getByLabel('Tìm người học theo tên hoặc email').fill(duc.plain);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByText('1 người học', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: `${duc.name} có mặt` }).check();
  await expect(page.getByText('Đã đánh dấu 1 người')).toBeVisible();
  await page.getByRole('button', { name: 'Ghi nhận có mặt' }).click();
  const outcome = page.getByRole('region', { name: 'Kết quả điểm danh' });
  await expect(outcome.getByText('Đã ghi nhận 1 người có mặt')).toBeVisible();
  await expect(outcome.getByRole('list', { name: 'Đã ghi nhận 1 người có mặt' })).toHaveText(
    duc.name,
  );

  // Both ticked next: the one already recorded is skipped, and the page says why.
  await page.getByLabel('Tìm người học theo tên hoặc email').fill('');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByText('2 người học', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: `${duc.name} có mặt` }).check();
  await page.getByRole('checkbox', { name: `${may.name} có mặt` }).check();
  await page.getByRole('button', { name: 'Ghi nhận có mặt' }).click();
  await expect(outcome.getByRole('list', { name: 'Đã ghi nhận 1 người có mặt' })).toHaveText(
    may.name,
  );
  await expect(outcome.getByRole('list', { name: '1 người không được ghi nhận' })).toHaveText(
    `${duc.name}: đã được ghi nhận có mặt ở buổi này rồi`,
  );
  await checkPage(page, 'studio-tv-group-attendance');

  // A weekly series from tomorrow at 19:00: its second airing meets the one already there.
  await page.getByRole('link', { name: 'Phát sóng', exact: true }).click();
  await page.getByRole('link', { name: 'Xếp lịch phát sóng' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xếp lịch phát sóng' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Khoá học' }).click();
  await page.getByRole('option', { name: setup.courseTitle }).click();
  await page.getByLabel('Bài học truyền hình').selectOption({ label: LESSON });
  await page.getByLabel('Ngày phát (buổi đầu)').fill(localDay(1));
  await page.getByLabel('Giờ bắt đầu').fill('19:00');
  await page.getByLabel('Giờ kết thúc').fill('19:45');
  await page.getByRole('radio', { name: 'Hằng tuần, vào các thứ' }).check();
  await page.getByRole('textbox', { name: 'Số buổi' }).fill('3');
  await expect(page.getByText('Sẽ tạo 3 buổi:')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Sẽ tạo 3 buổi:' }).getByRole('listitem'),
  ).toHaveCount(3);
  await page.getByRole('button', { name: 'Lưu 3 buổi phát sóng' }).click();
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: 'Kênh đã có buổi phát sóng vào giờ này' });
  await expect(refusal).toContainText(
    new RegExp(
      `Buổi .*${shown(localDay(8))}, 19:00–19:45 trùng với “${LESSON}” \\(${setup.courseTitle}\\) đã có trên kênh vào`,
    ),
  );
  await checkPage(page, 'studio-tv-schedule-overlap');

  // An hour later the channel is free: three airings.
  await page.getByLabel('Giờ bắt đầu').fill('20:00');
  await page.getByLabel('Giờ kết thúc').fill('20:45');
  await page.getByRole('button', { name: 'Lưu 3 buổi phát sóng' }).click();
  await expect(page.getByText('Đã xếp lịch 3 buổi phát sóng.')).toBeVisible();
  const tomorrow = shown(localDay(1));
  const first = page.getByRole('link', {
    name: `Quản lý buổi ${LESSON} lúc 20:00 ngày ${tomorrow}`,
  });
  await expect(first).toBeVisible();
  await first.click();

  // Moved to 21:00, then cancelled.
  await page.getByLabel('Giờ bắt đầu').fill('21:00');
  await page.getByLabel('Giờ kết thúc').fill('21:45');
  await page.getByRole('button', { name: 'Dời buổi' }).click();
  await expect(page.getByText('Đã dời buổi phát sóng.')).toBeVisible();
  await expect(page.getByText(/, 21:00–21:45$/)).toBeVisible();
  await page.getByRole('button', { name: 'Huỷ buổi phát sóng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Huỷ buổi phát sóng này?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Huỷ buổi phát sóng' }).click();
  await expect(page.getByText('Buổi phát sóng này đã bị huỷ.')).toBeVisible();
  await page.getByRole('link', { name: 'Về lịch phát sóng' }).click();
  await expect(
    page.getByRole('link', { name: `Quản lý buổi ${LESSON} lúc 21:00 ngày ${tomorrow}` }),
  ).toBeVisible();
  await expect(page.getByText('Đã huỷ').first()).toBeVisible();

  // The recording, once transcoded, becomes the replay of the airing on now.
  await waitForVideo(
    page.request,
    await login(page.request, setup.staffEmail, DEMO_PASSWORD),
    setup.videoId,
  );
  await page.goto(`/studio/television/broadcasts/${setup.nowAiringId}`);
  await expect(page.getByText('Bài học có một video đã xử lý xong.')).toBeVisible();
  await page.getByRole('button', { name: 'Gắn làm video phát lại' }).click();
  await expect(page.getByText('Video phát lại đang gắn với buổi này.')).toBeVisible();
  await checkPage(page, 'studio-tv-replay');
});
