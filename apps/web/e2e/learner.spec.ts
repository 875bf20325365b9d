import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { learnerCourse, VIDEO_READY_WITHIN_MS } from './support/learner-course';
import { DEMO_PASSWORD, expect, test } from './support/test';
import { checkPage } from './support/journey';

const run = promisify(execFile);

/** What the journey does with the page's video element (the tests' tsconfig has no DOM lib). */
interface Playable {
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
  pause(): void;
}

const video = (page: Page) => page.locator('video');
const currentTime = (page: Page) =>
  video(page).evaluate((node: unknown) => (node as Playable).currentTime);
const watchedText = (page: Page) => page.getByText(/^Đã xem \d+ %$/);

test('a learner watches a real video, passes the quiz, attends on television and downloads a certificate naming them', async ({
  page,
  baseURL,
}) => {
  // The journey itself takes a few minutes; the worker's transcoding may take more when loaded.
  test.setTimeout(VIDEO_READY_WITHIN_MS + 6 * 60_000);
  const course = await learnerCourse(baseURL!);
  const name = 'Trần Thị Bích Ngọc';
  const email = `ngoc.${Date.now()}@example.vn`;

  // Signed out, "my learning" asks to sign in first and comes back after registering.
  await page.goto('/learning');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Flearning/);
  await page.goto(`/register?returnTo=${encodeURIComponent('/learning')}`);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Học tập của tôi' })).toBeVisible();
  await expect(page.getByText(/Bạn chưa đăng ký khoá học nào/)).toBeVisible();
  await checkPage(page, 'learning-empty');

  // Enrolls (the course page's button belongs to the public pages; the api does the same).
  const enrolled = await page.evaluate(async (courseId) => {
    const refreshed = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    const response = await fetch(`/api/v1/courses/${courseId}/enrollments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return response.status;
  }, course.courseId);
  expect(enrolled).toBe(201);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: course.title })).toBeVisible();
  await checkPage(page, 'learning');

  // The video: plays from the start, reports as it plays, completes at 60 % (6 of 10 s).
  await page.getByRole('link', { name: `Học tiếp: ${course.title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.videoTitle })).toBeVisible();
  await expect(watchedText(page)).toHaveText('Đã xem 0 %');
  // The access token has expired by the first report: it is refused once, the client refreshes
  // silently and sends the same report again.
  let refused = 0;
  await page.route('**/lessons/*/progress', async (route) => {
    if (refused > 0) return route.fallback();
    refused += 1;
    await route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired' }),
    });
  });
  // Nothing of the stream (nor hls.js) is fetched before the learner presses play.
  await video(page).evaluate((node: unknown) => {
    (node as Playable).muted = true;
  });
  expect(await video(page).getAttribute('src')).toBeNull();
  await page.getByRole('button', { name: 'Phát video' }).click();
  await expect.poll(() => currentTime(page), { timeout: 30_000 }).toBeGreaterThan(2);
  await expect(page.getByText('Bạn đã hoàn thành bài này')).toBeVisible({ timeout: 40_000 });
  expect(refused).toBe(1);
  await page.unroute('**/lessons/*/progress');
  const watchedBefore = await watchedText(page).textContent();
  // Back to the middle, a little more watching, then a pause (which reports the position).
  await video(page).evaluate(async (node: unknown) => {
    const player = node as Playable;
    player.pause();
    player.currentTime = 4;
    await player.play();
  });
  await page.waitForTimeout(1_500);
  await video(page).evaluate((node: unknown) => (node as Playable).pause());
  const pausedAt = await currentTime(page);
  await checkPage(page, 'player-video');

  // A reload keeps the person signed in, the progress, and the place in the video.
  await page.waitForTimeout(1_500);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: course.videoTitle })).toBeVisible();
  await expect(watchedText(page)).not.toHaveText('Đã xem 0 %');
  expect(
    Number(/\d+/.exec((await watchedText(page).textContent()) ?? '')?.[0]),
  ).toBeGreaterThanOrEqual(Number(/\d+/.exec(watchedBefore ?? '')?.[0]));
  await video(page).evaluate((node: unknown) => {
    (node as Playable).muted = true;
  });
  await page.getByRole('button', { name: 'Tiếp tục xem' }).click();
  await expect
    .poll(() => currentTime(page), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(Math.floor(pausedAt) - 1);
  await expect(page.getByRole('link', { name: /Video: làm quen.*Đã xong/ })).toBeVisible();

  // The reading.
  await page.getByRole('link', { name: 'Bài tiếp theo →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.readingTitle })).toBeVisible();
  await page.getByRole('button', { name: 'Đánh dấu đã đọc xong' }).click();
  await expect(page.getByText(/^Đã đọc xong ngày \d\d\/\d\d\/\d{4}$/)).toBeVisible();
  await checkPage(page, 'player-reading');

  // The quiz: a wrong answer fails, the network drops (answers kept), then a pass.
  await page.getByRole('link', { name: 'Bài tiếp theo →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.quizTitle })).toBeVisible();
  await expect(page.getByText('Số lần làm bài còn lại: 3')).toBeVisible();
  await page.getByLabel('Chỉ trước kỳ thi').check();
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByText('Chưa đạt')).toBeVisible();
  await expect(page.getByText('Điểm của bạn: 0 %')).toBeVisible();
  await expect(page.getByText('Số lần làm bài còn lại: 2')).toBeVisible();
  await page.getByLabel(course.rightAnswers[0]!).check();
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByText(/Mất kết nối nên bài chưa được nộp/)).toBeVisible();
  await expect(page.getByLabel(course.rightAnswers[0]!)).toBeChecked();
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByText('Đạt', { exact: true })).toBeVisible();
  await expect(page.getByText('Điểm của bạn: 100 %')).toBeVisible();
  await checkPage(page, 'player-quiz');

  // The television lesson: a wrong code is said plainly, the on-screen code completes it.
  await page.getByRole('link', { name: 'Bài tiếp theo →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.televisionTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lịch phát sóng' })).toBeVisible();
  await page.getByLabel('Mã trên màn hình').fill('ZZZZZZ');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(
    page.getByText('Mã chưa đúng. Hãy xem lại mã trên màn hình và nhập lại.'),
  ).toBeVisible();
  await checkPage(page, 'player-television-wrong-code');
  await page.getByLabel('Mã trên màn hình').fill(course.attendanceCode);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByText('Bạn đã điểm danh và hoàn thành bài này.')).toBeVisible();
  await expect(page.getByText('Chúc mừng! Bạn đã hoàn thành khoá học.')).toBeVisible();
  await checkPage(page, 'player-television');

  // My learning shows the course completed.
  await page.getByRole('link', { name: '← Học tập của tôi' }).click();
  await expect(page.getByText('Đã hoàn thành 100 %').first()).toBeVisible();

  // The certificate (issued by the worker) downloads as a PDF naming the learner.
  await page.getByRole('link', { name: 'Chứng chỉ' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chứng chỉ của tôi' })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        // Counted once the list has loaded: the certificate, or the words for none yet.
        const certificate = page.getByRole('heading', { level: 2, name: course.title });
        await certificate
          .or(page.getByText('Bạn chưa có chứng chỉ nào.', { exact: false }))
          .waitFor();
        return certificate.count();
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(1);
  await expect(page.getByText('Còn hiệu lực')).toBeVisible();
  await checkPage(page, 'certificates');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Tải PDF' }).click(),
  ]);
  const folder = await mkdtemp(join(tmpdir(), 'lifelong-certificate-'));
  const pdf = join(folder, download.suggestedFilename());
  await download.saveAs(pdf);
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  const { stdout } = await run('pdftotext', [pdf, '-']);
  expect(stdout).toContain(name);
  const [badge] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Tải Open Badge (JSON)' }).click(),
  ]);
  const badgeFile = join(folder, badge.suggestedFilename());
  await badge.saveAs(badgeFile);
  expect(JSON.parse(await readFile(badgeFile, 'utf8'))).toHaveProperty('compactJwsString');
  await page.getByLabel('Chia sẻ công khai').check();
  await expect(page.getByLabel('Chia sẻ công khai')).toBeChecked();

  // Notifications: the header counts the unread ones; reading one lowers the count.
  // They are delivered by the worker, after the events: a busy worker may take a while, and the
  // header reads the count again when the page loads.
  const bell = page.getByRole('link', { name: /^Thông báo/ }).first();
  await expect(async () => {
    await page.reload();
    await expect(bell).toHaveAccessibleName(/Thông báo: \d+ chưa đọc/, { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
  await checkPage(page, 'notifications');
  const unreadBefore = await page.getByRole('button', { name: 'Đánh dấu đã đọc' }).count();
  await page.getByRole('button', { name: 'Đánh dấu đã đọc' }).first().click();
  await expect(page.getByRole('button', { name: 'Đánh dấu đã đọc' })).toHaveCount(unreadBefore - 1);
  await page.getByLabel('Cách gửi email').selectOption('daily');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt thông báo.')).toBeVisible();

  // Profile.
  await page.getByRole('link', { name: 'Hồ sơ' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ' })).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toHaveValue(name);
  await checkPage(page, 'profile');

  // Their learning record, as xAPI statements, names the course they completed.
  const completedVerbs = async (): Promise<string[]> => {
    const [record] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Tải hồ sơ học tập' }).click(),
    ]);
    expect(record.suggestedFilename()).toBe('xapi-statements.json');
    const file = join(folder, `record-${Date.now()}.json`);
    await record.saveAs(file);
    const { statements } = JSON.parse(await readFile(file, 'utf8')) as {
      statements: { verb: { id: string }; object: { definition?: { name?: object } } }[];
    };
    return statements
      .filter((statement) => JSON.stringify(statement.object).includes(course.title))
      .map((statement) => statement.verb.id);
  };
  await expect
    .poll(completedVerbs, { timeout: 60_000, intervals: [2_000] })
    .toContain('http://adlnet.gov/expapi/verbs/completed');
});

test('a civil servant sees their mandated training and opens its course', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('congchuc@demo.lifelong.local');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Học tập của tôi' })).toBeVisible();
  await page.getByRole('link', { name: 'Đào tạo bắt buộc' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đào tạo bắt buộc' })).toBeVisible();
  // The demo's yearly course (other journeys may have assigned her more since).
  const assignment = page.getByRole('article').filter({
    has: page.getByRole('heading', { level: 2, name: 'Bồi dưỡng an toàn thông tin hằng năm' }),
  });
  await expect(assignment).toHaveCount(1);
  await expect(assignment.getByText(/Hạn hoàn thành \d\d\/\d\d\/\d{4}|Quá hạn từ/)).toBeVisible();
  await checkPage(page, 'training');
  await assignment.getByRole('link', { name: /Bồi dưỡng an toàn thông tin hằng năm/ }).click();
  await expect(page).toHaveURL(/\/learning\/[^/]+\/lessons\//);
  await expect(page.getByRole('navigation', { name: 'Nội dung khoá học' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
