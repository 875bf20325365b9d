import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { fixture, truncated } from '../../../test/support/media-fixtures';
import { VIDEO_READY_WITHIN_MS } from './support/learner-course';
import { expect, test } from './support/test';
import { signIn, checkPage, personApi, teachingFacility } from './support/journey';

// Issue 16, item 3: a video lesson's upload, processing, subtitles and preview in the studio.
const INSTRUCTOR = 'giangvien@demo.lifelong.local';

/** What the journey does with the page's video element (the tests' tsconfig has no DOM lib). */
interface Playable {
  currentTime: number;
}

/** A draft course of the demo facility with two video lessons, made through the api. */
async function videoCourse(page: Page, title: string) {
  const instructor = await personApi(page.request, INSTRUCTOR);
  const post = instructor.post;
  const facilityId = await teachingFacility(instructor);
  const course = await post('/api/v1/courses', {
    facilityId,
    title,
    summary: 'Học qua video.',
  });
  const section = await post(`/api/v1/courses/${course.id}/sections`, { title: 'Phần 1' });
  const lesson = (name: string) =>
    post(`/api/v1/sections/${section.id}/lessons`, { title: name, kind: 'video' });
  const first = await lesson('Video: làm quen với lớp học');
  const second = await lesson('Video: bài thứ hai');
  return { courseId: course.id, videoLesson: first.id, otherLesson: second.id };
}

/** Chooses `files` in the file field labelled `label` (Mantine's field opens the browser's). */
async function choose(
  page: Page,
  label: string,
  files: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(label, { exact: true }).click(),
  ]);
  await chooser.setFiles(files);
}

test('an instructor uploads a video through a lost connection and a reload, sees it processed, adds subtitles and previews it; files that are no video are told apart', async ({
  page,
}) => {
  test.setTimeout(VIDEO_READY_WITHIN_MS + 3 * 60_000);
  const stamp = Date.now().toString(36);
  const { courseId, videoLesson, otherLesson } = await videoCourse(page, `Khoá có video ${stamp}`);
  const videoPath = await fixture('lesson10s');
  const bytes = await readFile(videoPath);
  const half = Math.floor(bytes.length / 2);

  await signIn(page, INSTRUCTOR);
  await page.goto(`/studio/courses/${courseId}?tab=content&lesson=${videoLesson}`);
  const panel = page.getByRole('region', { name: 'Video của bài' });
  await expect(panel.getByText('Bài này chưa có video. Hãy tải lên một video.')).toBeVisible();
  await checkPage(page, 'studio-video-empty');

  // The connection carries the first half of the file, then drops every further upload request.
  let patches = 0;
  await page.route('**/api/v1/uploads/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    patches += 1;
    if (patches === 1) return route.continue({ postData: bytes.subarray(0, half) });
    return route.abort('internetdisconnected');
  });
  await choose(page, 'Tệp video', videoPath);
  await expect(
    panel.getByText('Mất kết nối. Việc tải lên sẽ tự tiếp tục khi có mạng trở lại.'),
  ).toBeVisible();
  const progress = panel.getByRole('progressbar', { name: 'Tiến độ tải lên' });
  await expect(progress).toHaveAttribute('aria-valuenow', /^(4\d|5\d)/);
  await expect(panel.getByText(/^Đã tải .* \((4\d|5\d) %\)$/)).toBeVisible();

  // Paused, resumed (still offline), paused again.
  await panel.getByRole('button', { name: 'Tạm dừng' }).click();
  await expect(panel.getByText(/^Đã tạm dừng/)).toBeVisible();
  await checkPage(page, 'studio-video-paused');
  await expect(panel.getByText(/^Tiếp tục từ/)).toHaveCount(0);
  await panel.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(panel.getByText(/^Mất kết nối/)).toBeVisible();
  await panel.getByRole('button', { name: 'Tạm dừng' }).click();
  await expect(panel.getByText(/^Đã tạm dừng/)).toBeVisible();

  // A reload mid-upload asks first; afterwards the interrupted upload is offered again.
  let asked = false;
  page.once('dialog', (dialog) => {
    asked = dialog.type() === 'beforeunload';
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toBe(true);
  await expect(
    panel.getByText(/^Việc tải lên “[^”]+\.mp4” \(.+\) đã bị gián đoạn\. Hãy chọn lại đúng tệp đó/),
  ).toBeVisible();
  await checkPage(page, 'studio-video-interrupted');

  // Back online: the same file continues the same upload from where the server stopped.
  await page.unroute('**/api/v1/uploads/*');
  const created: string[] = [];
  const offsetAsked: string[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/api/v1/uploads')) return;
    if (request.method() === 'POST') created.push(request.url());
    if (request.method() === 'HEAD') offsetAsked.push(request.url());
  });
  // A slow link (256 KB/s up): the speed shows while the rest goes up.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  });
  await choose(page, 'Tệp video', videoPath);
  await expect(panel.getByText(/^Tiếp tục từ (4\d|5\d) % đã tải trước đó\.$/)).toBeVisible();
  await expect(panel.getByText(/^Tốc độ [\d,]+ KB\/giây$/)).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(panel.getByText('Đã tải lên xong.', { exact: true })).toBeVisible();
  expect(created).toEqual([]);
  expect(offsetAsked).toHaveLength(1);

  // Processing, live: the percent from the api, then the renditions made.
  await expect(panel.getByText(/^Đang xử lý: \d+ %$/)).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Tiến độ xử lý video' })).toHaveAttribute(
    'aria-valuenow',
    /^\d+$/,
  );
  await checkPage(page, 'studio-video-processing');
  await expect(panel.getByText('Video đã sẵn sàng để học viên xem.')).toBeVisible({
    timeout: VIDEO_READY_WITHIN_MS,
  });
  const renditions = panel.getByRole('list', { name: 'Các cỡ hình đã tạo' });
  await expect(renditions.getByRole('listitem')).toHaveText([
    /^240p · [\d,]+ Mbit\/s$/,
    /^360p · [\d,]+ Mbit\/s$/,
  ]);

  // English subtitles.
  await panel.getByLabel('Ngôn ngữ phụ đề').selectOption('en');
  await choose(page, 'Tệp phụ đề (.vtt)', {
    name: 'phu-de-en.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelcome to the class.\n'),
  });
  await panel.getByRole('button', { name: 'Tải phụ đề lên' }).click();
  await expect(panel.getByText('Đã tải lên phụ đề tiếng Anh.')).toBeVisible();

  // The preview plays the video as learners get it.
  const preview = panel.getByLabel('Video xem trước: Video: làm quen với lớp học');
  await panel.getByRole('button', { name: 'Phát video xem trước' }).click();
  await expect
    .poll(() => preview.evaluate((node: unknown) => (node as Playable).currentTime), {
      timeout: 30_000,
    })
    .toBeGreaterThan(1);
  await preview.evaluate((node: unknown) => (node as { pause(): void }).pause());
  await checkPage(page, 'studio-video-ready');

  // A text file named .mp4 is refused, in plain words.
  await page.goto(`/studio/courses/${courseId}?tab=content&lesson=${otherLesson}`);
  await expect(page.getByRole('heading', { name: 'Soạn bài: Video: bài thứ hai' })).toBeVisible();
  await choose(page, 'Tệp video', {
    name: 'bai-giang.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.from('Đây là một tệp văn bản, không phải video.\n'.repeat(200)),
  });
  await expect(panel.getByRole('alert')).toHaveText(
    /^Không tải lên được: Tệp này không phải là video \(có thể chỉ là tệp văn bản/,
  );
  await checkPage(page, 'studio-video-refused');

  // A recording cut short looks like a video but cannot be processed: the reason, in plain words.
  await choose(page, 'Tệp video', {
    name: 'ghi-hinh-do-dang.mp4',
    mimeType: 'video/mp4',
    buffer: await truncated('lesson10s', 0.5),
  });
  const failed = panel.getByRole('alert');
  await expect(failed).toContainText('Không xử lý được video này.', {
    timeout: VIDEO_READY_WITHIN_MS,
  });
  await expect(failed).toContainText(
    'Tệp bị cắt ngang (việc ghi hình hoặc tải lên đã bị gián đoạn). Hãy tải lên lại.',
  );
  await checkPage(page, 'studio-video-failed');
});
