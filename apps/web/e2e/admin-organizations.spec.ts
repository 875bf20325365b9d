import { TEST_ADMIN } from './support/platform-settings';
import { expect, test } from './support/test';
import { checkPage, signIn } from './support/journey';
import type { Page } from '@playwright/test';

// Issue 17, items 3 and 6: the administrator edits the org-unit tree (adds a unit, moves it, is
// told in plain words why a cycle is refused), adds a facility, and grants a demo learner the
// org manager role at the new unit, picked by name; the grantee then finds administration in
// the menu. A scoped admin of Hà Nội is offered only places inside Hà Nội.

const stamp = Date.now().toString(36).toUpperCase();
const UNIT = { code: `PW-${stamp}`, name: `Phòng Thử nghiệm ${stamp}` };
const FACILITY = { code: `PWF-${stamp}`, name: `Trung tâm Thử nghiệm ${stamp}` };
const GRANTEE = { email: 'hocvien@demo.lifelong.local', name: 'Nguyễn Thị Lan' };
/** An instructor at a Hà Nội facility: someone the Hà Nội administrator may see. */
const HANOI_STAFF = { email: 'giangvien@demo.lifelong.local', name: 'Trần Văn Minh' };
const MINISTRY = 'Bộ Giáo dục và Đào tạo';
const DEPARTMENT = 'Vụ Tổ chức cán bộ';

const pickerInput = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).and(page.locator('input'));

/** Types into a scope picker and chooses the option whose label starts with `name`. */
async function pick(page: Page, label: string, typed: string, name: string): Promise<void> {
  await pickerInput(page, label).fill(typed);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();
}

const actions = (page: Page, unit: string) =>
  page.getByRole('group', { name: `Thao tác với ${unit}`, exact: true });

test('the administrator edits the org-unit tree, adds a facility and grants a scoped role', async ({
  page,
}) => {
  test.setTimeout(180_000); // a long journey through four pages and two people
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' })).toBeVisible();
  const tree = page.getByRole('navigation', { name: 'Cây cơ quan, đơn vị' });
  await tree.getByRole('button', { name: `Mở ${MINISTRY}` }).click();
  await expect(tree.getByText(DEPARTMENT, { exact: true })).toBeVisible();
  await checkPage(page, 'admin-org-units');

  // Add a unit under the ministry.
  await actions(page, MINISTRY).getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  let dialog = page.getByRole('dialog', { name: `Thêm đơn vị dưới ${MINISTRY}` });
  await dialog.getByLabel('Mã').fill(UNIT.code);
  await dialog.getByLabel('Tên').fill(UNIT.name);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tree.getByText(UNIT.name, { exact: true })).toBeVisible();

  // Move it under a department, picked by typing part of its name without diacritics.
  await actions(page, UNIT.name).getByRole('button', { name: 'Chuyển' }).click();
  dialog = page.getByRole('dialog', { name: `Chuyển ${UNIT.name}` });
  await pick(page, 'Chuyển vào đơn vị', 'Tổ chức', DEPARTMENT);
  await checkPage(page, 'admin-org-unit-move');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await tree.getByRole('button', { name: `Mở ${DEPARTMENT}` }).click();
  const department = tree.getByRole('listitem').filter({ hasText: DEPARTMENT }).last();
  await expect(department.getByText(UNIT.name, { exact: true })).toBeVisible();

  // The ministry cannot go under its own department: refused, and the dialog says why.
  await actions(page, MINISTRY).getByRole('button', { name: 'Chuyển' }).click();
  dialog = page.getByRole('dialog', { name: `Chuyển ${MINISTRY}` });
  await pick(page, 'Chuyển vào đơn vị', DEPARTMENT, DEPARTMENT);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Không thể chuyển một đơn vị vào chính nó hoặc vào một đơn vị bên dưới nó.',
  );
  // axe judges the dialog, not the earlier move's toast caught fading out (half its contrast).
  await expect(page.getByText(`Đã chuyển ${UNIT.name}.`)).toHaveCount(0);
  await checkPage(page, 'admin-org-unit-cycle');
  await dialog.getByRole('button', { name: 'Huỷ' }).click();

  // The platform administrator makes the new unit a top-level one: no picker needed.
  await actions(page, UNIT.name).getByRole('button', { name: 'Chuyển' }).click();
  dialog = page.getByRole('dialog', { name: `Chuyển ${UNIT.name}` });
  await dialog.getByLabel('Đưa lên cấp cao nhất (không thuộc đơn vị nào)').check();
  await expect(pickerInput(page, 'Chuyển vào đơn vị')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(department.getByText(UNIT.name, { exact: true })).toHaveCount(0);
  await expect(tree.getByText(UNIT.name, { exact: true })).toBeVisible();
  await expect(page.getByText(`Đã chuyển ${UNIT.name}.`)).toHaveCount(0); // gone before axe looks

  // A facility in a Hà Nội ward, then found in the table by its type.
  await page.getByRole('link', { name: 'Cơ sở giáo dục' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cơ sở giáo dục' })).toBeVisible();
  const form = page.getByRole('region', { name: 'Thêm cơ sở' });
  await form.getByLabel('Mã').fill(FACILITY.code);
  await form.getByLabel('Tên').fill(FACILITY.name);
  await form.getByLabel('Loại cơ sở').selectOption('life_skills_center');
  await pick(page, 'Đơn vị hành chính của cơ sở', 'ba dinh', 'Phường Ba Đình');
  await form.getByRole('button', { name: 'Thêm cơ sở' }).click();
  await expect(page.getByText(`Đã thêm ${FACILITY.name}.`)).toBeVisible();
  await page
    .getByRole('search', { name: 'Danh sách cơ sở' })
    .getByLabel('Loại cơ sở')
    .selectOption('life_skills_center');
  const facilities = page.getByRole('table', { name: 'Danh sách cơ sở' });
  await expect(facilities.getByRole('row', { name: new RegExp(FACILITY.name) })).toBeVisible();
  await checkPage(page, 'admin-facilities');

  await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
  const units = page.getByRole('navigation', { name: 'Cây đơn vị hành chính' });
  await units.getByRole('button', { name: 'Mở Thành phố Hà Nội' }).click();
  await expect(units.getByText('Phường Ba Đình', { exact: true })).toBeVisible();
  await checkPage(page, 'admin-admin-units');

  // Grant the learner the org manager role at the new unit, chosen with the picker.
  await page.goto('/admin/users');
  await page.getByLabel('Tìm theo tên, email hoặc mã nhân viên').fill(GRANTEE.email);
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('link', { name: GRANTEE.name }).click();
  const grant = page.getByRole('form', { name: 'Cấp vai trò' });
  await grant.getByLabel('Vai trò cần cấp').selectOption('org_manager');
  await grant.getByLabel('Phạm vi', { exact: true }).selectOption('org_unit');
  await pick(page, 'Nơi được cấp', stamp, UNIT.name);
  await checkPage(page, 'admin-grant-picker');
  await grant.getByRole('button', { name: 'Cấp vai trò' }).click();
  const roles = page.getByRole('region', { name: 'Vai trò' });
  await expect(roles.getByText('Cán bộ đào tạo · đơn vị')).toBeVisible();

  // The grantee signs in and finds administration, and the org-unit tree of their unit only.
  await signIn(page, GRANTEE.email);
  await page.getByRole('link', { name: 'Quản trị' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
  await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
  const theirs = page.getByRole('navigation', { name: 'Cây cơ quan, đơn vị' });
  await expect(theirs.getByText(UNIT.name, { exact: true })).toBeVisible();
  await expect(theirs.getByText(MINISTRY, { exact: true })).toHaveCount(0);
  await checkPage(page, 'admin-org-units-manager');

  // Put the demo back: the learner is a learner again.
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.goto('/admin/users');
  await page.getByLabel('Tìm theo tên, email hoặc mã nhân viên').fill(GRANTEE.email);
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('link', { name: GRANTEE.name }).click();
  await page.getByRole('button', { name: 'Thu hồi vai trò Cán bộ đào tạo · đơn vị' }).click();
  await expect(page.getByText('Cán bộ đào tạo · đơn vị')).toHaveCount(0);
});

test('the Hà Nội administrator is offered only places inside Hà Nội, and told why a grant elsewhere fails', async ({
  page,
}) => {
  await signIn(page, 'quantri.hanoi@demo.lifelong.local');
  await page.goto('/admin/users');
  await page.getByLabel('Tìm theo tên, email hoặc mã nhân viên').fill(HANOI_STAFF.email);
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('link', { name: HANOI_STAFF.name }).click();
  const grant = page.getByRole('form', { name: 'Cấp vai trò' });
  await grant.getByLabel('Vai trò cần cấp').selectOption('supervisor');
  // No "everywhere" for a scoped admin.
  await expect(
    grant.getByLabel('Phạm vi', { exact: true }).locator('option[value=""]'),
  ).toHaveCount(0);
  await grant.getByLabel('Phạm vi', { exact: true }).selectOption('admin_unit');
  await pickerInput(page, 'Nơi được cấp').fill('Phường');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  const offered = await options.allTextContents();
  expect(offered.length).toBeGreaterThan(0);
  for (const name of offered) expect(name).toMatch(/· VN-01/);
  await expect(page.getByRole('option', { name: /Sài Gòn/ })).toHaveCount(0);
  await checkPage(page, 'admin-grant-picker-hanoi');

  // A grant outside Hà Nội, sent by editing the request, is refused and the page says why.
  await options.first().click();
  await page.route('**/api/v1/admin/users/*/roles', async (route) => {
    const units = await page.request.get('/api/v1/admin-units');
    const saigon = ((await units.json()) as { items: { id: string; code: string }[] }).items.find(
      (unit) => unit.code === 'VN-79',
    );
    await route.continue({
      postData: JSON.stringify({
        role: 'supervisor',
        scopeType: 'admin_unit',
        scopeId: saigon?.id,
      }),
    });
  });
  await grant.getByRole('button', { name: 'Cấp vai trò' }).click();
  await expect(grant.getByRole('alert')).toHaveText(
    'Không cấp được: bạn chỉ có thể cấp vai trò này ở những nơi nằm trong phạm vi của chính bạn.',
  );
  await expect(
    page.getByRole('region', { name: 'Vai trò' }).getByText(/^Thanh tra, giám sát ·/),
  ).toHaveCount(0);
});
