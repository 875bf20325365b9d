import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoAxeViolations, screenshots } from './checks';
import { DEMO_PASSWORD, expect } from './test';

/**
 * Signs in through the sign-in page as a person would (signing out first when someone already
 * is), and waits for the header to show the session.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Đăng xuất' });
  if (await signOut.isVisible()) {
    await signOut.click();
    await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeVisible();
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(signOut).toBeVisible();
}

/** Every main page is checked the same way: axe finds nothing, and it is photographed. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 300); // axe judges the page at rest, not a hovered link
  await expectNoAxeViolations(page);
  await screenshots(page, name);
}

/** A demo person's api calls, for setting up what a journey starts from. */
export interface PersonApi {
  headers: { authorization: string };
  /** POSTs and expects success; answers the created resource's id. */
  post(path: string, data: unknown): Promise<{ id: string }>;
  /** GETs and expects success; answers the parsed body. */
  get<T>(path: string): Promise<T>;
}

export async function personApi(
  api: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<PersonApi> {
  const login = await api.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.ok(), `sign-in of ${email}: ${await login.text()}`).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  return {
    headers,
    async post(path, data) {
      const response = await api.post(path, { headers, data });
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as { id: string };
    },
    async get<T>(path: string) {
      const response = await api.get(path, { headers });
      expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    },
  };
}

/** The facility where a demo instructor teaches (their instructor grant's scope). */
export async function teachingFacility(person: PersonApi): Promise<string> {
  const me = await person.get<{ roles: { role: string; scopeId: string }[] }>('/api/v1/me');
  return me.roles.find((grant) => grant.role === 'instructor')!.scopeId;
}
