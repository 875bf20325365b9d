import { checkPage, personApi, signIn } from './support/journey';
import { expect, test } from './support/test';

// Issue 17, item 1: the org manager sets a requirement in plain words, sees how many people it
// will assign before saving, edits it and reads what changed in its version history.

const MANAGER = 'canbodaotao@demo.lifelong.local';
const SUB_UNIT = 'Vụ Tổ chức cán bộ';

interface Unit {
  orgUnitId: string;
  name: string;
  children: { orgUnitId: string; name: string }[];
}

test('an org manager sets a requirement for a sub-unit, previews, edits it and reads its history', async ({
  page,
  request,
}) => {
  test.setTimeout(3 * 60_000); // three pages, each checked by axe and photographed at two sizes
  // What the page should count: the sub-unit's staff as the manager's staff list has them.
  const manager = await personApi(request, MANAGER);
  const me = await manager.get<{ roles: { role: string; scopeId: string }[] }>('/api/v1/me');
  const root = me.roles.find((grant) => grant.role === 'org_manager')!.scopeId;
  const ministry = await manager.get<Unit>(`/api/v1/training/compliance?orgUnitId=${root}`);
  const unit = ministry.children.find((child) => child.name === SUB_UNIT)!;
  const staff = await manager.get<{ total: number }>(
    `/api/v1/training/staff?orgUnitId=${unit.orgUnitId}&pageSize=1`,
  );
  expect(staff.total).toBeGreaterThan(0);
  const catalogue = await manager.get<{ items: { title: string }[] }>('/api/v1/courses?pageSize=1');
  const course = catalogue.items[0]!.title;
  const title = `Bồi dưỡng bắt buộc ${Date.now()}`;

  await signIn(page, MANAGER);
  await page.goto('/manage/requirements');
  await expect(page.getByRole('heading', { level: 1, name: 'Yêu cầu bồi dưỡng' })).toBeVisible();
  // The demo's requirements on the ministry, each said in a sentence.
  await expect(page.getByText(/^Mọi công chức ở Bộ Giáo dục và Đào tạo/).first()).toBeVisible();
  await checkPage(page, 'manage-requirements');

  await page.getByRole('link', { name: 'Đặt yêu cầu mới' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Đặt yêu cầu bồi dưỡng' }),
  ).toBeVisible();
  // A wrong answer is said under its field, and nothing is sent.
  const days = page.getByRole('textbox', { name: 'Số ngày' });
  await days.fill('');
  await page.getByRole('button', { name: 'Lưu yêu cầu' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(days).toHaveAccessibleDescription(/Số ngày từ 1 đến 3650/);
  await expect(page.getByRole('textbox', { name: 'Tên yêu cầu' })).toHaveAccessibleDescription(
    /Hãy đặt tên cho yêu cầu/,
  );
  await expect(page).toHaveURL(/\/manage\/requirements\/new$/);

  await page.getByRole('textbox', { name: 'Tên yêu cầu' }).fill(title);
  await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).selectOption(unit.orgUnitId);
  // The count is there before anything is saved, and it is the unit's staff.
  const preview = page.getByRole('region', { name: 'Xem trước' });
  await expect(preview).toContainText(`Yêu cầu này sẽ giao cho ${staff.total} người.`);
  await page.getByRole('combobox', { name: 'Khoá học' }).fill(course.slice(0, 12));
  await page.getByRole('option', { name: course }).click();
  await days.fill('30');
  await page.getByRole('radio', { name: 'Sau một số tháng' }).check();
  await page.getByRole('textbox', { name: 'Số tháng' }).fill('12');
  await expect(
    page.getByText(
      `Mọi công chức ở ${SUB_UNIT} và các đơn vị trực thuộc, hoàn thành khoá “${course}” trong 30 ngày kể từ khi được giao, mỗi 12 tháng một lần.`,
    ),
  ).toBeVisible();
  await checkPage(page, 'manage-requirement-new');
  await page.getByRole('button', { name: 'Lưu yêu cầu' }).click();

  // Saved: its own page, version 1 in the history.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/manage\/requirements\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Hiện hành: phiên bản 1')).toBeVisible();
  const history = page.getByRole('region', { name: 'Lịch sử phiên bản' });
  await expect(history.getByRole('heading', { name: 'Phiên bản 1' })).toBeVisible();
  await expect(history).toContainText('Tạo yêu cầu.');

  // Edit: 45 days instead of 30 makes version 2, and the history says what changed.
  await days.fill('45');
  await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu phiên bản 2.' })).toBeVisible();
  await expect(page.getByText('Hiện hành: phiên bản 2')).toBeVisible();
  const second = history.getByRole('listitem').filter({ hasText: 'Phiên bản 2' });
  await expect(second).toContainText(
    'Hạn hoàn thành: trong 30 ngày kể từ khi được giao → trong 45 ngày kể từ khi được giao',
  );
  await expect(second.getByRole('listitem')).toHaveCount(1);
  await checkPage(page, 'manage-requirement');

  // The list says the new rules in words.
  await page.getByRole('link', { name: 'Quay lại danh sách' }).click();
  const listed = page.getByRole('listitem').filter({ hasText: title });
  await expect(listed).toContainText('trong 45 ngày kể từ khi được giao, mỗi 12 tháng một lần.');
  await expect(listed).toContainText('Phiên bản 2');
});
