import { TEST_ADMIN, webTestBaseUrl } from './support/platform-settings';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, screenshots, test } from './support/test';
import { signIn } from './support/journey';

// Issue 14, item 7: the administrator finds a civil servant typed without diacritics, opens
// their page, grants a role and sees the audit entry for it; a learner never loads these pages.

test('the administrator finds a civil servant, grants a role and reads it in the audit log', async ({
  page,
}) => {
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByRole('link', { name: 'Quản trị' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
  await page.mouse.move(0, 300); // axe judges the page at rest, not a hovered header link
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-users');

  // Typed the way a hurried person types: no diacritics, no capitals.
  await page.getByLabel('Tìm theo tên, email hoặc mã nhân viên').fill('vu thi mai');
  await page.getByRole('button', { name: 'Tìm' }).click();
  const results = page.getByRole('table', { name: 'Danh sách người dùng' });
  await expect(results.getByRole('row')).toHaveCount(2); // the header and Vũ Thị Mai
  const row = results.getByRole('row', { name: /Vũ Thị Mai/ });
  await expect(row.getByText('congchuc@demo.lifelong.local')).toBeVisible();
  await expect(row.getByText('Đang hoạt động')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-users-search');

  await row.getByRole('link', { name: 'Vũ Thị Mai' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vũ Thị Mai' })).toBeVisible();
  const memberships = page.getByRole('region', { name: 'Quá trình công tác' });
  await expect(
    memberships.getByRole('link', { name: /Vụ Giáo dục nghề nghiệp và Giáo dục thường xuyên/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Đào tạo bắt buộc' }).getByRole('row').nth(1),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-user');

  // Grant: supervisor, unscoped.
  const grantForm = page.getByRole('form', { name: 'Cấp vai trò' });
  await grantForm.getByLabel('Vai trò cần cấp').selectOption('supervisor');
  await grantForm.getByLabel('Phạm vi', { exact: true }).selectOption('');
  await grantForm.getByRole('button', { name: 'Cấp vai trò' }).click();
  const roles = page.getByRole('region', { name: 'Vai trò' });
  await expect(roles.getByText('Thanh tra, giám sát · toàn hệ thống')).toBeVisible();

  await page.getByRole('link', { name: 'Xem nhật ký về người này' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký quản trị' })).toBeVisible();
  const entries = page.getByRole('table', { name: 'Các mục nhật ký' });
  const granted = entries.getByRole('row', { name: /Cấp vai trò/ }).first();
  await expect(granted.getByRole('link', { name: 'Vũ Thị Mai' })).toBeVisible();
  await expect(granted.getByText('role: supervisor')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-audit');

  // Put the demo back as it was: revoke, and the log shows that too.
  await page.goBack();
  await page
    .getByRole('button', { name: 'Thu hồi vai trò Thanh tra, giám sát · toàn hệ thống' })
    .click();
  await expect(page.getByText('Thanh tra, giám sát · toàn hệ thống')).toHaveCount(0);
  await page.getByRole('link', { name: 'Xem nhật ký về người này' }).click();
  await page.getByLabel('Hành động').selectOption('role.revoked');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(
    page.getByRole('table', { name: 'Các mục nhật ký' }).getByRole('row', { name: /Vũ Thị Mai/ }),
  ).toHaveCount(1);
});

test('the administrator deactivates an account from its page, and reactivates it', async ({
  page,
  browser,
}) => {
  const learner = { email: 'hocvien.rutlui@demo.lifelong.local', name: 'Ngô Thị Hoa' };
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.goto('/admin/users');
  await page.getByLabel('Tìm theo tên, email hoặc mã nhân viên').fill('ngo thi hoa');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page
    .getByRole('table', { name: 'Danh sách người dùng' })
    .getByRole('link', { name: learner.name })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: learner.name })).toBeVisible();
  await expect(page.getByText('Đang hoạt động', { exact: true })).toBeVisible();
  // An active account can be switched off, not invited.
  await expect(page.getByRole('button', { name: 'Gửi lời mời' })).toHaveCount(0);

  // Asked first; cancelling changes nothing.
  await page.getByRole('button', { name: 'Khoá tài khoản' }).click();
  let dialog = page.getByRole('dialog', { name: 'Khoá tài khoản' });
  await expect(dialog).toContainText(learner.email);
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-user-deactivate');
  await dialog.getByRole('button', { name: 'Huỷ' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Đang hoạt động', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Khoá tài khoản' }).click();
  dialog = page.getByRole('dialog', { name: 'Khoá tài khoản' });
  await dialog.getByRole('button', { name: 'Khoá tài khoản' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Đã khoá', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Khoá tài khoản' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-user-deactivated');

  // The learner is refused at sign-in, and told why (they gave the right password).
  const elsewhere = await browser.newContext({ baseURL: webTestBaseUrl(), locale: 'vi-VN' });
  const theirs = await elsewhere.newPage();
  await theirs.goto('/sign-in');
  await theirs.getByLabel('Email').fill(learner.email);
  await theirs.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await theirs.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(theirs.getByRole('alert')).toContainText('Tài khoản này đã bị khoá');

  // The audit log says who did it, on whom.
  await page.getByRole('link', { name: 'Xem nhật ký về người này' }).click();
  const entries = page.getByRole('table', { name: 'Các mục nhật ký' });
  await expect(entries.getByRole('row', { name: /Khoá tài khoản/ }).first()).toContainText(
    learner.name,
  );
  await page.goBack();

  await page.getByRole('button', { name: 'Mở lại' }).click();
  dialog = page.getByRole('dialog', { name: 'Mở lại' });
  await dialog.getByRole('button', { name: 'Mở lại' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Đang hoạt động', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Khoá tài khoản' })).toBeVisible();

  await theirs.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(theirs.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await elsewhere.close();
});

test('a learner has no administration link and never loads its pages', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(request.url()));
  await signIn(page, 'hocvien@demo.lifelong.local', DEMO_PASSWORD);
  await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
  await page.goto('/learning');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(loaded.filter((url) => /Admin\w*Page|admin-shared/.test(url))).toEqual([]);
  // Typing the address is no way in: the api refuses, and the page says so.
  await page.goto('/admin/users');
  await expect(page.getByRole('alert')).toContainText('Bạn không có quyền làm việc này.');
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-users-refused');
});
