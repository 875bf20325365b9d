import type { Page } from '@playwright/test';
import {
  contentPackage,
  contentFiles,
  cmi5Xml,
  renamed,
  zipOf,
} from '../../../test/support/cmi5-packages';
import { checkPage, personApi, signIn, teachingFacility } from './support/journey';
import { expect, test } from './support/test';

// Issue 20, item 5: a cmi5 lesson in a real browser. The instructor uploads a package the test
// builds (a hostile one is refused, with why); a learner opens the lesson, the package runs
// `@xapi/cmi5` in the lesson's frame (launch parameters, fetch URL, LMS.LaunchData, statements
// to the LRS) and the lesson ends completed by its moveOn (CompletedAndPassed).
const INSTRUCTOR = 'giangvien@demo.lifelong.local';
const LEARNER = 'hocvien@demo.lifelong.local';

async function choose(page: Page, label: string, name: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(label, { exact: true }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/zip', buffer });
}

test('an instructor uploads a cmi5 package; a learner runs it in the lesson frame and the lesson completes when the content reports completed and passed', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const instructor = await personApi(page.request, INSTRUCTOR);
  const facilityId = await teachingFacility(instructor);
  const course = await instructor.post('/api/v1/courses', {
    facilityId,
    title: `An toàn điện ${stamp}`,
    summary: 'Bài học tương tác cmi5.',
  });
  const section = await instructor.post(`/api/v1/courses/${course.id}/sections`, {
    title: 'Phần 1',
  });
  const lesson = await instructor.post(`/api/v1/sections/${section.id}/lessons`, {
    title: 'An toàn điện trong gia đình',
    kind: 'cmi5',
  });

  // The studio: a package whose entry climbs out is refused with the reason; a good one is kept.
  await signIn(page, INSTRUCTOR);
  await page.goto(`/studio/courses/${course.id}?tab=content&lesson=${lesson.id}`);
  const panel = page.getByRole('region', { name: 'Gói nội dung cmi5' });
  await expect(panel.getByText(/^Bài này chưa có gói nội dung/)).toBeVisible();
  const hostile = renamed(
    await zipOf([
      { name: 'cmi5.xml', data: cmi5Xml() },
      ...contentFiles(),
      { name: 'aa/aa/x', data: 'escaped' },
    ]),
    'aa/aa/x',
    '../../x',
  );
  await choose(page, 'Tệp gói (.zip)', 'goi-doc-hai.zip', hostile);
  await panel.getByRole('button', { name: 'Tải lên gói' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'Không nhận gói này: có tệp mang tên không an toàn (đường dẫn tuyệt đối hoặc “..”).',
  );
  const good = await contentPackage({ moveOn: 'CompletedAndPassed', masteryScore: 0.8 });
  await choose(page, 'Tệp gói (.zip)', 'an-toan-dien.zip', good);
  await panel.getByRole('button', { name: 'Tải lên gói' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Đã tải lên gói “An toàn điện trong gia đình”.',
  );
  await expect(
    panel.getByText('Bài hoàn thành khi: nội dung báo đã học xong và đã đạt'),
  ).toBeVisible();
  await checkPage(page, 'studio-cmi5-package');
  await instructor.post(`/api/v1/courses/${course.id}/publish`, {});

  // The learner: enrolled through the api, opens the lesson in the player.
  const learner = await personApi(page.request, LEARNER);
  const enrollment = await learner.post(`/api/v1/courses/${course.id}/enrollments`, {});
  await signIn(page, LEARNER);
  await page.goto(`/learning/${enrollment.id}/lessons/${lesson.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'An toàn điện trong gia đình' }),
  ).toBeVisible();
  const launches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/cmi5/fetch/')) launches.push(request.method());
  });
  await page.getByRole('button', { name: 'Mở bài học' }).click();
  const frame = page.frameLocator('iframe[title="Nội dung bài học: An toàn điện trong gia đình"]');
  const status = frame.locator('#status');
  await expect(status).toHaveText('ready');
  await checkPage(page, 'player-cmi5');

  // Completed alone does not satisfy CompletedAndPassed.
  await frame.getByRole('button', { name: 'Hoàn thành bài' }).click();
  await expect(status).toHaveText('completed');
  await page.waitForTimeout(5_000);
  await expect(page.getByText(/^Bạn đã hoàn thành bài này ngày/)).toHaveCount(0);

  await frame.getByRole('button', { name: 'Nộp bài kiểm tra' }).click();
  await expect(status).toHaveText('passed');
  await expect(page.getByText(/^Bạn đã hoàn thành bài này ngày/)).toBeVisible({ timeout: 15_000 });
  await frame.getByRole('button', { name: 'Thoát' }).click();
  await expect(status).toHaveText('terminated');
  expect(launches).toEqual(['POST']);

  // The LRS holds what the content said, as the learner's own statements.
  const mine = await learner.get<{ items: { verb: { id: string } }[] }>(
    '/api/v1/me/xapi-statements?page=1&pageSize=20',
  );
  const verbs = mine.items.map((item) => item.verb.id.split('/').pop());
  expect(verbs).toEqual(
    expect.arrayContaining(['launched', 'initialized', 'completed', 'passed', 'terminated']),
  );
});
