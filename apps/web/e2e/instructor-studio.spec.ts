import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, test } from './support/test';
import { signIn, checkPage, personApi, teachingFacility } from './support/journey';

// Issue 16: an instructor's studio. The demo instructor teaches at Trường Đại học Mở Hà Nội;
// its facility admin approves there.
const INSTRUCTOR = 'giangvien@demo.lifelong.local';
const FACILITY_ADMIN = 'quanlycoso@demo.lifelong.local';
const FACILITY = 'Trường Đại học Mở Hà Nội';

test('an instructor creates a course in the studio, finds it among the drafts and archives it', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  await signIn(page, INSTRUCTOR);
  await page.getByRole('link', { name: 'Soạn bài giảng' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Khoá học của tôi' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Bản nháp', selected: true })).toBeVisible();
  await checkPage(page, 'studio-courses');

  await page.getByRole('link', { name: 'Tạo khoá học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tạo khoá học' })).toBeVisible();
  // The client checks what the server checks, and keeps what was typed.
  await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
  await expect(page.getByText('Hãy nhập tên khoá học.')).toBeVisible();
  await expect(page.getByText('Hãy nhập phần tóm tắt.')).toBeVisible();
  const title = `Khoá nháp để lưu trữ ${Date.now().toString(36)}`;
  await page.getByLabel('Tên khoá học').fill(title);
  await page.getByLabel('Tóm tắt').fill('Một khoá học thử, sẽ được lưu trữ.');
  await checkPage(page, 'studio-new-course');
  await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
  await expect(page).toHaveURL(/\/studio\/courses\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.goto('/studio');
  const drafts = page.getByRole('table', { name: 'Danh sách khoá học' });
  await expect(drafts.getByRole('link', { name: title, exact: true })).toBeVisible();
  // The tab lives in the address: the published list survives a reload.
  await page.getByRole('tab', { name: 'Đã công bố' }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Đã công bố', selected: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Bản nháp' }).click();
  await expect(page.getByRole('tab', { name: 'Bản nháp', selected: true })).toBeVisible();

  await page.getByLabel('Tìm theo tên, tóm tắt hoặc thẻ').fill('khoa nhap de luu tru');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByRole('button', { name: `Lưu trữ khoá học ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Lưu trữ khoá học?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Lưu trữ khoá học' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Đã lưu trữ' }).click();
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
});

test('a learner has no way into the studio and never loads its code', async ({ page }) => {
  // Scripts and stylesheets: the reading editor (TipTap) and its styles are the studio's too.
  const files: string[] = [];
  page.on('request', (request) => {
    if (['script', 'stylesheet'].includes(request.resourceType())) files.push(request.url());
  });
  await signIn(page, 'hocvien@demo.lifelong.local');
  await page.goto('/learning');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Soạn bài giảng' })).toHaveCount(0);
  expect(files.filter((url) => /Studio|studio|ReadingEditor|reading-editor/.test(url))).toEqual([]);
});

/**
 * Drags with the mouse as a person does: press on the grip, move in small steps (the outline
 * starts a drag only after a few pixels), let go over the target's middle.
 */
async function dragLesson(page: Page, grip: Locator, target: Locator): Promise<void> {
  const from = await grip.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('the grip or the target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The facility admin turns review on (or off) for the demo facility, on the review page. */
async function setReview(page: Page, on: boolean): Promise<void> {
  await signIn(page, FACILITY_ADMIN);
  await page.goto('/studio/review');
  const policy = page.getByRole('switch', { name: `Duyệt khoá học của ${FACILITY}` });
  // The switch follows the saved policy a moment after the click (the request is on its way).
  if ((await policy.isChecked()) !== on) await policy.click();
  await (on ? expect(policy).toBeChecked() : expect(policy).not.toBeChecked());
}

test('an instructor writes a course with a reading and a quiz, reorders it by keyboard and by dragging, and publishes it through review', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  await setReview(page, true);
  try {
    await signIn(page, INSTRUCTOR);
    await page.goto('/studio/new');
    const title = `Khoá soạn trên trang ${Date.now().toString(36)}`;
    await page.getByLabel('Tên khoá học').fill(title);
    await page.getByLabel('Tóm tắt').fill('Học cách tự học: một bài đọc và một bài kiểm tra.');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Details: hours and tags, saved and kept.
    await page.getByLabel('Số giờ học').fill('2');
    const tags = page.getByRole('combobox', { name: 'Thẻ' });
    await tags.fill('tự học');
    await tags.press('Enter');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await expect(page.getByText('Đã lưu.')).toBeVisible();
    await checkPage(page, 'studio-editor-details');

    // Publishing now lists every reason, each leading to what to fix.
    await page.getByRole('tab', { name: 'Công bố' }).click();
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    const reasons = page.getByRole('alert').filter({ hasText: 'Chưa công bố được' });
    await reasons
      .getByRole('button', { name: 'Khoá học chưa có bài học nào: thêm bài học' })
      .click();
    await expect(page.getByRole('tab', { name: 'Nội dung', selected: true })).toBeVisible();

    await page.getByLabel('Tên phần mới').fill('Phần 1. Bắt đầu');
    await page.getByRole('button', { name: 'Thêm phần' }).click();
    const section = page.getByRole('region', { name: 'Phần 1. Bắt đầu' });
    await section.getByLabel('Loại bài').selectOption('quiz');
    await section.getByLabel('Tên bài học mới trong Phần 1. Bắt đầu').fill('Bài kiểm tra cuối');
    await section.getByRole('button', { name: 'Thêm bài học' }).click();
    await expect(page.getByRole('heading', { name: 'Soạn bài: Bài kiểm tra cuối' })).toBeVisible();
    await section.getByLabel('Loại bài').selectOption('reading');
    await section.getByLabel('Tên bài học mới trong Phần 1. Bắt đầu').fill('Bài đọc: tự học');
    await section.getByRole('button', { name: 'Thêm bài học' }).click();

    // The reading, written in the rich-text editor: a heading, then a sentence with a bold word.
    // The preview shows what the server kept, as learners get it.
    const reading = page.getByRole('region', { name: 'Soạn bài: Bài đọc: tự học' });
    const text = reading.getByRole('textbox', { name: 'Nội dung bài đọc' });
    await text.click();
    await reading.getByRole('button', { name: 'Tiêu đề', exact: true }).click();
    await page.keyboard.type('Tự học');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Đặt mục tiêu ');
    await reading.getByRole('button', { name: 'Chữ đậm' }).click();
    await page.keyboard.type('nhỏ');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type(' mỗi ngày.');
    await expect(text.getByRole('heading', { name: 'Tự học' })).toBeVisible();
    await checkPage(page, 'studio-editor-reading-write');
    await reading.getByRole('button', { name: 'Lưu bài học' }).click();
    await expect(reading.getByText('Đã lưu bài học.')).toBeVisible();
    await reading.getByRole('tab', { name: 'Xem như người học' }).click();
    await expect(reading.getByRole('heading', { name: 'Tự học', exact: true })).toBeVisible();
    await expect(reading.getByText('Đặt mục tiêu nhỏ mỗi ngày.')).toBeVisible();
    await expect(reading.getByRole('strong')).toHaveText('nhỏ');
    await checkPage(page, 'studio-editor-reading');

    // Unsaved words are not dropped by opening another lesson: the studio asks first.
    await reading.getByRole('tab', { name: 'Soạn', exact: true }).click();
    await text.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Chưa lưu.');
    await page.getByRole('button', { name: 'Bài kiểm tra cuối', exact: true }).click();
    const leave = page.getByRole('dialog', { name: 'Rời đi mà không lưu?' });
    await expect(leave).toBeVisible();
    await checkPage(page, 'studio-editor-unsaved');
    await leave.getByRole('button', { name: 'Ở lại và soạn tiếp' }).click();
    await expect(leave).toBeHidden();
    await expect(text).toContainText('Chưa lưu.');
    await page.getByRole('link', { name: '← Khoá học của tôi' }).click();
    await leave.getByRole('button', { name: 'Rời đi, không lưu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Khoá học của tôi' })).toBeVisible();
    // Back returns to the editor and stays there, the unsaved words gone.
    await page.goBack();
    await expect(page).toHaveURL(/[?&]lesson=/);
    await expect(text).not.toContainText('Chưa lưu.');
    await expect(page).toHaveURL(/[?&]lesson=/);

    // The reading was added last: move it first with the keyboard alone.
    const moveUp = section.getByRole('button', { name: 'Chuyển “Bài đọc: tự học” lên' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await expect(section.getByText('“Bài đọc: tự học” giờ là bài 1 trên 2.')).toBeVisible();
    await expect(section.getByRole('listitem').first()).toContainText('Bài đọc: tự học');
    await page.reload();
    await expect(section.getByRole('listitem').first()).toContainText('Bài đọc: tự học');

    // With the mouse: the quiz is taken by its grip and dropped above the reading.
    await dragLesson(
      page,
      section.getByTitle('Kéo để đổi chỗ “Bài kiểm tra cuối”'),
      section.getByRole('listitem').first(),
    );
    await expect(section.getByText('“Bài kiểm tra cuối” giờ là bài 1 trên 2.')).toBeVisible();
    await expect(section.getByRole('listitem').first()).toContainText('Bài kiểm tra cuối');
    await checkPage(page, 'studio-editor-outline-dragged');
    await page.reload();
    await expect(section.getByRole('listitem').first()).toContainText('Bài kiểm tra cuối');
    await expect(section.getByRole('listitem').nth(1)).toContainText('Bài đọc: tự học');

    // The quiz: one single-choice and one multiple-choice question, seen as a learner sees it.
    await page.getByRole('button', { name: 'Bài kiểm tra cuối', exact: true }).click();
    const quiz = page.getByRole('region', { name: 'Soạn bài: Bài kiểm tra cuối' });
    await quiz.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await quiz.getByLabel('Nội dung câu 1').fill('Nên học như thế nào?');
    await quiz.getByLabel('Đáp án 1 của câu 1', { exact: true }).fill('Đều đặn mỗi ngày');
    await quiz.getByLabel('Đáp án 2 của câu 1', { exact: true }).fill('Chỉ trước kỳ thi');
    await quiz.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await quiz.getByLabel('Nội dung câu 2').fill('Những cách nào giúp nhớ lâu?');
    await quiz.getByRole('switch', { name: 'Nhiều đáp án đúng' }).nth(1).setChecked(true);
    await quiz.getByLabel('Đáp án 1 của câu 2', { exact: true }).fill('Ghi chép');
    await quiz.getByLabel('Đáp án 2 của câu 2', { exact: true }).fill('Ôn lại');
    await quiz.getByRole('button', { name: 'Thêm đáp án cho câu 2' }).click();
    await quiz.getByLabel('Đáp án 3 của câu 2', { exact: true }).fill('Học dồn');
    await quiz.getByRole('checkbox', { name: 'Đáp án 2 của câu 2 là đúng' }).check();
    await quiz.getByLabel('Điểm đạt').fill('50');
    await quiz.getByLabel('Số lần làm tối đa').fill('3');
    await quiz.getByRole('button', { name: 'Lưu bài học' }).click();
    await expect(quiz.getByText('Đã lưu bài học.')).toBeVisible();
    await checkPage(page, 'studio-editor-quiz');
    await quiz.getByText('Xem như người học').click();
    await expect(
      quiz.getByRole('group', { name: '2. Những cách nào giúp nhớ lâu?' }),
    ).toBeVisible();
    await expect(quiz.getByText('Số lần làm bài còn lại: 3')).toBeVisible();
    await expectNoAxeViolations(page);

    // Sent for review: the facility admin decides.
    await page.getByRole('tab', { name: 'Công bố' }).click();
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(page.getByText('Đã gửi duyệt.')).toBeVisible();
    await expect(page.getByText('Chờ duyệt', { exact: true })).toBeVisible();
    await checkPage(page, 'studio-editor-publish');

    await signIn(page, FACILITY_ADMIN);
    await page.getByRole('link', { name: 'Soạn bài giảng' }).first().click();
    await page.getByRole('link', { name: 'Duyệt khoá học' }).click();
    const waiting = page.getByRole('article', { name: title });
    await expect(waiting).toBeVisible();
    await checkPage(page, 'studio-review-queue');
    await waiting.getByRole('button', { name: 'Duyệt và công bố' }).click();
    await expect(page.getByRole('article', { name: title })).toHaveCount(0);

    await page.goto('/courses');
    await page.getByLabel('Tìm khoá học').fill(title);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page.getByRole('link', { name: new RegExp(title) }).first()).toBeVisible();
  } finally {
    await setReview(page, false);
  }
});

/** A published course of the demo facility with two readings and one seat, made through the api. */
async function twoReadingCourse(
  page: Page,
  title: string,
): Promise<{ courseId: string; firstReading: string }> {
  const instructor = await personApi(page.request, INSTRUCTOR);
  const post = instructor.post;
  const facilityId = await teachingFacility(instructor);
  const course = await post('/api/v1/courses', {
    facilityId,
    title,
    summary: 'Hai bài đọc ngắn.',
    capacity: 1,
  });
  const section = await post(`/api/v1/courses/${course.id}/sections`, { title: 'Phần 1' });
  const firstReading = 'Bài đọc 1: đặt mục tiêu';
  for (const lesson of [firstReading, 'Bài đọc 2: giữ thói quen'])
    await post(`/api/v1/sections/${section.id}/lessons`, {
      title: lesson,
      kind: 'reading',
      body: '<p>Mỗi ngày một chút.</p>',
    });
  await post(`/api/v1/courses/${course.id}/publish`, {});
  return { courseId: course.id, firstReading };
}

test('an instructor sees a learner’s progress, finds them without diacritics and downloads the list', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  const stamp = Date.now().toString(36);
  const title = `Khoá có người học ${stamp}`;
  const { courseId, firstReading } = await twoReadingCourse(page, title);

  // A learner registers, enrolls and reads the first of two readings: 50 %.
  const name = `Đặng Thị Thu Hương ${stamp}`;
  await page.goto(`/register?returnTo=${encodeURIComponent('/learning')}`);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Email').fill(`huong.${stamp}@example.vn`);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Học tập của tôi' })).toBeVisible();
  const enrolled = await page.evaluate(async (id) => {
    const refreshed = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    const response = await fetch(`/api/v1/courses/${id}/enrollments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return response.status;
  }, courseId);
  expect(enrolled).toBe(201);
  await page.reload();
  await page.getByRole('link', { name: `Học tiếp: ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: firstReading })).toBeVisible();
  await page.getByRole('button', { name: 'Đánh dấu đã đọc xong' }).click();
  await expect(page.getByText(/^Đã đọc xong ngày/)).toBeVisible();
  // The one seat is taken: the next learner waits.
  const waiter = `Bùi Văn Chờ ${stamp}`;
  const registered = await page.request.post('/api/v1/auth/register', {
    data: { email: `cho.${stamp}@example.vn`, password: DEMO_PASSWORD, fullName: waiter },
  });
  const { accessToken } = (await registered.json()) as { accessToken: string };
  const waiting = await page.request.post(`/api/v1/courses/${courseId}/enrollments`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(((await waiting.json()) as { status: string }).status).toBe('waitlisted');

  // The instructor opens the course's learners.
  await signIn(page, INSTRUCTOR);
  await page.goto(`/studio/courses/${courseId}`);
  await page.getByRole('tab', { name: 'Người học' }).click();
  const table = page.getByRole('table', { name: 'Người học và tiến độ' });
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Đang học');
  await expect(row.getByRole('progressbar', { name: `Tiến độ của ${name}` })).toHaveAttribute(
    'aria-valuenow',
    '50',
  );
  await expect(row).toContainText(/50\s%/);
  await checkPage(page, 'studio-learners');

  // Searched without diacritics (đ as d); the search survives a reload.
  await page.getByLabel('Tìm theo tên hoặc email').fill(`dang thi thu huong ${stamp}`);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByText('1 người học', { exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Người học', selected: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // The waitlist: who gets the next seat, and since when.
  await page.getByLabel('Tìm theo tên hoặc email').fill('');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByLabel('Trạng thái').selectOption('waitlisted');
  const queue = page.getByRole('table', { name: 'Danh sách chờ, theo thứ tự được nhận vào khoá' });
  await expect(queue.getByRole('row', { name: new RegExp(waiter) })).toContainText(
    /^1.*\d\d\/\d\d\/\d{4}/,
  );
  await checkPage(page, 'studio-learners-waitlist');

  // The whole list as CSV.
  await page.getByLabel('Trạng thái').selectOption('');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải danh sách (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`learners-${courseId}.csv`);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toMatch(/^fullName,email,status,progressPercent,/);
  expect(lines.slice(1).sort()).toEqual([
    expect.stringMatching(
      new RegExp(`^${waiter},cho\\.${stamp}@example\\.vn,waitlisted,0,.*,1,,,,$`),
    ),
    expect.stringMatching(new RegExp(`^${name},huong\\.${stamp}@example\\.vn,active,50,`)),
  ]);
});
