import { DEMO_PASSWORD, expect, expectNoAxeViolations, screenshots, test } from './support/test';

// A visitor becomes a learner: registers, stays signed in across reloads, keeps the language
// they chose, and signs out.
test('a visitor registers, stays signed in across a reload, and signs out', async ({ page }) => {
  const email = `lan.${Date.now()}@example.vn`;

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Học tập suốt đời, ở bất cứ đâu',
  );
  await expectNoAxeViolations(page);
  await screenshots(page, 'home');

  await page.getByRole('link', { name: 'Đăng ký' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tạo tài khoản' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'register');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

  const signOut = page.getByRole('button', { name: 'Đăng xuất' });
  await expect(signOut).toBeVisible();

  await signOut.click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeVisible();
  await expect(signOut).toHaveCount(0);
});
