import { SSO_ACCOUNT, SSO_PROVIDER } from './support/platform-settings';
import { expect, expectNoAxeViolations, screenshots, test } from './support/test';

// Single sign-on (issue 14): a person with an account at the configured OpenID Connect provider
// (another site, run by the global setup) signs in with it and lands back signed in; a sign-in
// that fails says why in their language.
const button = `Đăng nhập bằng ${SSO_PROVIDER.name}`;

test('a person signs in with the provider and lands back signed in where they were going', async ({
  page,
}) => {
  await page.goto('/sign-in?returnTo=%2Fcertificates');
  const signInWith = page.getByRole('link', { name: button });
  await expect(signInWith).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'sign-in-with-provider');

  await signInWith.click();
  // At the provider's own page, on another site.
  await expect(
    page.getByRole('heading', { name: 'Nhà cung cấp định danh thử nghiệm' }),
  ).toBeVisible();
  expect(new URL(page.url()).hostname).toBe('localhost');
  await page.getByLabel('Tên đăng nhập').fill(SSO_ACCOUNT.id);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  // Back home, signed in from the refresh cookie the callback set.
  await expect(page).toHaveURL(/\/certificates$/);
  const signOut = page.getByRole('button', { name: 'Đăng xuất' });
  await expect(signOut).toBeVisible();
  const me = await page.evaluate(async () => {
    const refreshed = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    const response = await fetch('/api/v1/me', {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return (await response.json()) as { email: string; fullName: string };
  });
  expect(me).toMatchObject({ email: SSO_ACCOUNT.email, fullName: SSO_ACCOUNT.name });

  // A reload keeps them signed in, as after a password sign-in.
  await page.reload();
  await expect(signOut).toBeVisible();
});

test('a sign-in that cannot be finished says why on the sign-in page', async ({ page }) => {
  // A callback this browser never started (a link sent by someone else, say).
  await page.goto(`/api/v1/auth/oidc/${SSO_PROVIDER.id}/callback?code=stolen&state=forged`);
  await expect(page).toHaveURL(/\/sign-in\?sso=failed&reason=state$/);
  await expect(page.getByRole('alert')).toContainText(
    'Lượt đăng nhập đã hết hạn hoặc không bắt đầu từ trình duyệt này.',
  );
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: button })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'sign-in-sso-failed');
});
