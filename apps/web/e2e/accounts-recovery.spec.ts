import type { APIRequestContext } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  mailTo,
  screenshots,
  test,
  waitForMail,
} from './support/test';

// Getting into an account without a password: an imported civil servant accepts the invitation
// their org manager sends; a person who forgot their password resets it from the emailed link;
// a person ends a sign-in on another device, and changes their password, from the profile.

const NEW_PASSWORD = 'Mat-khau-rieng-2026';
const ANDROID_PHONE =
  'Mozilla/5.0 (Linux; Android 14; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

interface Signed {
  accessToken: string;
  user: { id: string; email: string; roles: { role: string; scopeId: string | null }[] };
}

async function apiLogin(
  request: APIRequestContext,
  email: string,
  password: string,
  userAgent?: string,
): Promise<Signed> {
  const response = await request.post('/api/v1/auth/login', {
    data: { email, password },
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Signed;
}

async function apiRegister(request: APIRequestContext, email: string, fullName: string) {
  const response = await request.post('/api/v1/auth/register', {
    data: { email, password: DEMO_PASSWORD, fullName },
  });
  expect(response.status()).toBe(201);
}

/** The path and fragment of the first link to `page` in a message (PUBLIC_URL is this app). */
function linkIn(text: string, page: string): string {
  const found = new RegExp(`https?://[^\\s/]+(${page}#token=[A-Za-z0-9_-]+)`).exec(text);
  if (!found?.[1]) throw new Error(`no ${page} link in the message: ${text}`);
  return found[1];
}

test('an imported civil servant accepts the invitation from their org manager and is signed in', async ({
  page,
  request,
}) => {
  // The demo ministry's org manager finds someone the staff import brought in, never invited.
  const manager = await apiLogin(request, 'canbodaotao@demo.lifelong.local', DEMO_PASSWORD);
  const ministryId = manager.user.roles.find((grant) => grant.role === 'org_manager')!.scopeId!;
  const auth = { authorization: `Bearer ${manager.accessToken}` };
  const staffOf = async () => {
    const response = await request.get(
      `/api/v1/training/staff?orgUnitId=${ministryId}&pageSize=100&page=3`,
      { headers: auth },
    );
    expect(response.status()).toBe(200);
    return (
      (await response.json()) as {
        items: { userId: string; fullName: string; accountStatus: string }[];
      }
    ).items;
  };
  const civilServant = (await staffOf()).find((member) => member.accountStatus === 'uninvited');
  expect(civilServant).toBeDefined();
  const invited = await request.post(`/api/v1/admin/users/${civilServant!.userId}/invitation`, {
    headers: auth,
  });
  expect(invited.status()).toBe(202);

  // The invitation arrives by email, greeting them by name, with a one-time link.
  let text = '';
  await expect
    .poll(
      async () => {
        const invitation = (await mailTo('')).find(
          (mail) =>
            mail.subject === 'Mời bạn kích hoạt tài khoản Lifelong' &&
            mail.text.includes(civilServant!.fullName),
        );
        text = invitation?.text ?? '';
        return text !== '';
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.goto(linkIn(text, '/invitation'));
  await expect(page.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' })).toBeVisible();
  // The token leaves the address bar once read.
  await expect(page).toHaveURL(/\/invitation$/);
  await expectNoAxeViolations(page);
  await screenshots(page, 'invitation');

  await page.getByLabel(/^Mật khẩu mới/).fill(NEW_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD + '!');
  await page.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
  await expect(page.getByText('Hai mật khẩu chưa giống nhau.')).toBeVisible();
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();

  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  const now = (await staffOf()).find((member) => member.userId === civilServant!.userId);
  expect(now?.accountStatus).toBe('active');
});

test('a person who forgot their password resets it from the emailed link', async ({
  page,
  request,
}) => {
  const email = `quen.${Date.now()}@example.vn`;
  await apiRegister(request, email, 'Đặng Thị Quên');

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Gửi liên kết' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'liên kết đặt lại' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'forgot-password');

  const [mail] = await waitForMail(email);
  expect(mail!.subject).toBe('Đặt lại mật khẩu Lifelong');
  await page.goto(linkIn(mail!.text, '/reset-password'));
  await expect(page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'reset-password');
  // The client checks what the server checks: not the email.
  await page.getByLabel(/^Mật khẩu mới/).fill(email);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(email);
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(page.getByText('Mật khẩu không được trùng với email.')).toBeVisible();
  await page.getByLabel(/^Mật khẩu mới/).fill(NEW_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();

  const old = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(old.status()).toBe(401);

  // The link works once: opened again, it says so and offers a new one.
  await page.goto(linkIn(mail!.text, '/reset-password'));
  await page.getByLabel(/^Mật khẩu mới/).fill('Mot-mat-khau-khac-1');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Mot-mat-khau-khac-1');
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(page.getByText(/Liên kết không còn dùng được/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Yêu cầu liên kết mới' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a person ends a sign-in on another device and changes their password from the profile', async ({
  page,
  request,
}) => {
  const email = `phien.${Date.now()}@example.vn`;
  await apiRegister(request, email, 'Bùi Văn Phiên');
  const phone = await apiLogin(request, email, DEMO_PASSWORD, ANDROID_PHONE);

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.goto('/profile');

  const sessions = page.getByRole('heading', { name: 'Phiên đăng nhập' });
  await expect(sessions).toBeVisible();
  await expect(page.getByText('Thiết bị này')).toBeVisible();
  const endPhone = page.getByRole('button', { name: 'Kết thúc phiên này: Chrome · Android' });
  await expect(endPhone).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'profile-sessions');

  await endPhone.click();
  await expect(page.getByText('Đã kết thúc phiên đăng nhập.')).toBeVisible();
  await expect(endPhone).toHaveCount(0);
  // The phone's access token stops at once.
  const me = await request.get('/api/v1/me', {
    headers: { authorization: `Bearer ${phone.accessToken}` },
  });
  expect(me.status()).toBe(401);

  await page.getByLabel('Mật khẩu hiện tại').fill('khong-dung-2026');
  await page.getByLabel(/^Mật khẩu mới/).fill(NEW_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Mật khẩu hiện tại chưa đúng.')).toBeVisible();
  await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(
    page.getByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await apiLogin(request, email, NEW_PASSWORD);
});
