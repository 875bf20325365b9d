import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, personApi, type PersonApi, signIn, teachingFacility } from './support/journey';

// Issue 17, item 1 (compliance): the ministry's training officer reads compliance by unit,
// drills down and back, downloads the CSV, freezes a period (and is told plainly when that
// period was frozen before), and sees a unit's figure move when a civil servant completes the
// course they were assigned.

const MANAGER = 'canbodaotao@demo.lifelong.local';
const CIVIL_SERVANT = 'congchuc@demo.lifelong.local'; // Vũ Thị Mai, in the unit below
const MINISTRY = 'Bộ Giáo dục và Đào tạo';
const UNIT = 'Vụ Giáo dục nghề nghiệp và Giáo dục thường xuyên';

interface Figures {
  orgUnitId: string;
  name: string;
  assigned: number;
  completed: number;
  children: { orgUnitId: string; name: string; assigned: number; completed: number }[];
}

/** A published course of one reading, assigned by the manager to the unit Vũ Thị Mai works in. */
async function assignedReading(
  request: APIRequestContext,
  manager: PersonApi,
  unitId: string,
  stamp: string,
) {
  const instructor = await personApi(request, 'giangvien@demo.lifelong.local');
  const facilityId = await teachingFacility(instructor);
  const course = await instructor.post('/api/v1/courses', {
    facilityId,
    title: `Quy chế văn thư ${stamp}`,
    summary: 'Một bài đọc ngắn về quy chế văn thư.',
  });
  const section = await instructor.post(`/api/v1/courses/${course.id}/sections`, {
    title: 'Phần 1',
  });
  const reading = await instructor.post(`/api/v1/sections/${section.id}/lessons`, {
    title: 'Bài đọc: quy chế',
    kind: 'reading',
    body: '<p>Văn bản đi phải được vào sổ trước khi gửi.</p>',
  });
  await instructor.post(`/api/v1/courses/${course.id}/publish`, {});
  await manager.post('/api/v1/training/requirements', {
    title: `Quy chế văn thư ${stamp}`,
    courseId: course.id,
    orgUnitId: unitId,
    dueDays: 30,
  });
  return { courseId: course.id, lessonId: reading.id };
}

test('the training officer reads compliance by unit, exports it, freezes a period and sees it move', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const manager = await personApi(request, MANAGER);
  const ministry = await manager.get<{ roles: { role: string; scopeId: string }[] }>('/api/v1/me');
  const ministryId = ministry.roles.find((grant) => grant.role === 'org_manager')!.scopeId;
  const figures = () => manager.get<Figures>(`/api/v1/training/compliance?orgUnitId=${ministryId}`);
  const unitId = (await figures()).children.find((child) => child.name === UNIT)!.orgUnitId;
  const { courseId, lessonId } = await assignedReading(request, manager, unitId, stamp);
  const servant = await personApi(request, CIVIL_SERVANT);
  // The worker assigns the new requirement: wait until Vũ Thị Mai has it.
  await expect
    .poll(
      async () =>
        (
          await servant.get<{ items: { courseId: string }[] }>(
            '/api/v1/me/assignments?pageSize=100',
          )
        ).items.some((assignment) => assignment.courseId === courseId),
      { timeout: 60_000 },
    )
    .toBe(true);
  const before = (await figures()).children.find((child) => child.orgUnitId === unitId)!;

  await signIn(page, MANAGER);
  await page.getByRole('link', { name: 'Quản lý đào tạo' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: MINISTRY })).toBeVisible();
  const units = page.getByRole('table', {
    name: 'Tuân thủ theo đơn vị trực thuộc, đơn vị thấp nhất trước',
  });
  const unitRow = units.getByRole('row', { name: new RegExp(UNIT) });
  // Columns: compliant share, assigned, completed, in progress, overdue.
  await expect(unitRow.getByRole('cell').nth(1)).toHaveText(String(before.assigned));
  await expect(unitRow.getByRole('cell').nth(2)).toHaveText(String(before.completed));
  await expect(unitRow.getByRole('cell').first()).toHaveText(/^\d{1,3},\d %$/);
  await checkPage(page, 'manage-compliance');

  // The CSV of the whole ministry: one row per unit, the ministry first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('compliance.csv');
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  expect(lines[0]).toMatch(/^orgUnitId,code,name,depth,assigned,completed,/);
  expect(lines[1]).toContain(`${ministryId},BGDDT,${MINISTRY},`);
  expect(lines.some((line) => line.includes(`${unitId},`) && line.includes(UNIT))).toBe(true);
  // Every unit of the subtree, grandchildren included (other journeys may have added some).
  const subtree = await manager.get<unknown[]>(`/api/v1/org-units/tree?rootId=${ministryId}`);
  expect(lines).toHaveLength(1 + subtree.length);

  // Freeze a period; the same period again is explained, not just refused.
  const period = `20${String(10 + (Date.now() % 80)).padStart(2, '0')}-Q${1 + (Date.now() % 4)}`;
  const periodField = page.getByLabel('Kỳ', { exact: true });
  await periodField.fill(period);
  await page.getByRole('button', { name: 'Chốt số liệu' }).click();
  await expect(page.getByText(`Đã chốt số liệu kỳ ${period}.`)).toBeVisible();
  const frozen = page.getByRole('table', { name: 'Các kỳ đã chốt' });
  await expect(frozen.getByRole('row', { name: new RegExp(period) })).toBeVisible();
  await page.getByRole('button', { name: 'Chốt số liệu' }).click();
  await expect(page.getByText(`Kỳ ${period} đã được chốt số liệu trước đó.`)).toBeVisible();
  await checkPage(page, 'manage-compliance-snapshot');

  // Down into the unit, where Vũ Thị Mai works; it has no units below.
  await unitRow.getByRole('link', { name: `Xem ${UNIT}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: UNIT })).toBeVisible();
  await expect(page.getByText('Đơn vị này không có đơn vị trực thuộc.')).toBeVisible();
  const completed = page.getByRole('definition').nth(1);
  await expect(completed).toHaveText(String(before.completed));
  await checkPage(page, 'manage-compliance-unit');

  // She completes the course (through the api, as the player would); the figure moves.
  const enrollment = await servant.post(`/api/v1/courses/${courseId}/enrollments`, {});
  await servant.post(`/api/v1/enrollments/${enrollment.id}/lessons/${lessonId}/complete`, {});
  await expect
    .poll(
      async () => (await figures()).children.find((child) => child.orgUnitId === unitId)!.completed,
      { timeout: 60_000 },
    )
    .toBe(before.completed + 1);
  await page.reload();
  await expect(page.getByRole('definition').nth(1)).toHaveText(String(before.completed + 1));

  // And back up through the breadcrumb.
  await page
    .getByRole('navigation', { name: 'Vị trí trong cây đơn vị' })
    .getByRole('link', { name: MINISTRY })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: MINISTRY })).toBeVisible();
});
