import { DEMO_PASSWORD, expect, expectNoAxeViolations, screenshots, test } from './support/test';

// A visitor becomes a learner: registers, stays signed in across reloads, keeps the language
// they chose, and signs out.
test('a visitor registers, stays signed in across a reload, keeps English, and signs out', async ({
  page,
}) => {
  const email = `lan.${Date.now()}@example.vn`;

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Học tập suốt đời, ở bất cứ đâu',
  );
  // The week on television loads as the visitor scrolls to it: the checks see the whole page.
  const onAir = page.getByRole('region', { name: 'Tuần này trên truyền hình' });
  await onAir.scrollIntoViewIfNeeded();
  await expect(onAir.getByRole('listitem').first()).toBeVisible();
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

  // The access token lives in memory only: a reload signs back in through the refresh cookie.
  await page.reload();
  await expect(signOut).toBeVisible();

  // English, chosen while signed in, is saved to the profile and survives a reload.
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/me') && response.request().method() === 'PATCH',
  );
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  const signOutEn = page.getByRole('button', { name: 'Sign out' });
  await expect(signOutEn).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await saved).status()).toBe(200);
  await page.evaluate('localStorage.clear()'); // the profile, not this device, remembers
  await page.reload();
  await expect(signOutEn).toBeVisible();
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await expectNoAxeViolations(page);

  await signOutEn.click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expect(signOutEn).toHaveCount(0);
  // Signed out means the cookie is gone too: a reload stays signed out.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expect(signOutEn).toHaveCount(0);
});
