import {
  demoCertificates,
  expireCertificate,
  mistypedSerial,
  unknownSerial,
} from './support/demo-certificates';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, screenshots, test } from './support/test';

// What anyone can do without an account, and how a visitor becomes a learner of a course.

// Long journeys with axe on every page, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

test('a visitor searches without diacritics, filters, pages, goes back and is told what to do when nothing matches', async ({
  page,
}) => {
  // A visitor who never signed in holds no refresh cookie: no page asks to refresh one.
  const refreshes: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/auth/refresh')) refreshes.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tìm khoá học').fill('hoc tap');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Khoá học' })).toBeVisible();
  const course = page.getByRole('link', { name: /Học tập suốt đời/ });
  await expect(course).toBeVisible();
  await expect(page.getByLabel('Tìm khoá học')).toHaveValue('hoc tap');
  await expectNoAxeViolations(page);
  await screenshots(page, 'catalogue');
  await page.reload();
  await expect(course).toBeVisible();
  expect(refreshes).toEqual([]);

  const province = page.getByLabel('Tỉnh, thành phố');
  await province.selectOption({ label: 'Thành phố Hà Nội' });
  await expect(page).toHaveURL(/province=/);
  await expect(course).toBeVisible();
  await page.getByLabel('Loại cơ sở').selectOption({ label: 'Trường đại học' });
  await expect(page).toHaveURL(/facilityType=university/);
  await expect(course).toBeVisible();
  await page.getByLabel('Chủ đề').selectOption('kỹ năng mềm');
  await expect(page).toHaveURL(/tag=/);
  await expect(course).toBeVisible();
  await expect(page.getByRole('link', { name: /Kỹ năng số/ })).toHaveCount(0);

  // Another province: nothing there, and the page says what to try.
  await province.selectOption({ label: 'Tỉnh Thái Nguyên' });
  await expect(page.getByText('Không có khoá học nào phù hợp')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'catalogue-empty');

  // The back button brings the previous filters and results back.
  await page.goBack();
  await expect(course).toBeVisible();
  await expect(province.locator('option:checked')).toHaveText('Thành phố Hà Nội');

  await page.goto('/courses');
  await expect(page.getByText(/Tìm thấy \d+ khoá học/)).toBeVisible();
  await page.getByRole('button', { name: 'Trang 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('button', { name: 'Trang 2' })).toHaveAttribute(
    'data-active',
    'true',
  );
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);

  // Bad input never breaks the page: 1,000 characters, punctuation only.
  await page.goto(`/courses?q=${encodeURIComponent('hoc '.repeat(250))}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Khoá học' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Học tập suốt đời/ })).toBeVisible();
  await expect(page.getByLabel('Tìm khoá học')).toHaveValue(/^(hoc ){49}hoc$/);
  await page.goto(`/courses?q=${encodeURIComponent('!!! ??? ...')}`);
  await expect(page.getByText(/không có chữ hay số nào/)).toBeVisible();

  // The same page in English.
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
  await expect(page.getByLabel('Kind of facility')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Language').selectOption('vi');
});

test('a visitor opens a course, registers from it and enrolls; a course full by the time of the click answers with the waitlist', async ({
  page,
}) => {
  await page.goto('/courses?q=hoc+tap');
  await page.getByRole('link', { name: /Học tập suốt đời/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Học tập suốt đời/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nội dung khoá học' })).toBeVisible();
  await expect(page.getByText('Trường Đại học Mở Hà Nội')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'course');
  const courseUrl = page.url();

  // Signed out: sign in and come back; a new learner registers from the same panel.
  await page.getByRole('link', { name: 'Đăng nhập để đăng ký' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcourses%2F/);
  await expectNoAxeViolations(page);
  await screenshots(page, 'sign-in');
  await page.goBack();
  await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).click();
  await page.getByLabel('Họ và tên').fill('Trần Thị Hoa');
  await page.getByLabel('Email').fill(`hoa.${Date.now()}@example.vn`);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page).toHaveURL(courseUrl);

  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await expect(page.getByText('Bạn đã đăng ký thành công')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tiếp tục học' })).toHaveAttribute(
    'href',
    /^\/learning\/[0-9a-f-]{36}$/,
  );
  await expectNoAxeViolations(page);
  await screenshots(page, 'course-enrolled');
  await page.reload();
  await expect(page.getByText('Bạn đang học khoá này')).toBeVisible();

  // "Điện dân dụng cơ bản" is full. The page was loaded when a seat seemed free (the course as
  // the page read it says so); the server's answer at the click is the waitlist, and it shows.
  await page.route(/\/api\/v1\/courses\/[^/?]+$/, async (route) => {
    const response = await route.fetch();
    const course = (await response.json()) as { activeEnrollments: number };
    await route.fulfill({ response, json: { ...course, activeEnrollments: 0 } });
  });
  await page.goto('/courses?q=dien+dan+dung');
  await page.getByRole('link', { name: /Điện dân dụng/ }).click();
  await expect(page.getByText(/Còn \d+ chỗ/)).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await expect(page.getByText('Bạn đang trong danh sách chờ')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem đăng ký của tôi' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'course-waitlisted');
  await page.unroute(/\/api\/v1\/courses\/[^/?]+$/);

  // A signed-in learner also gets a personal calendar of their courses' broadcasts.
  await page.goto('/television');
  await expect(page.getByLabel('Địa chỉ lịch riêng của bạn')).toHaveValue(
    /\/api\/v1\/me\/schedule\.ics\?token=/,
  );
  await expectNoAxeViolations(page);
});

test("a visitor sees this week on television, moves between weeks and channels, and gets a channel's calendar", async ({
  page,
}) => {
  await page.goto('/');
  const onAir = page.getByRole('region', { name: 'Tuần này trên truyền hình' });
  // Below the featured courses, the week loads as the visitor scrolls to it.
  await onAir.scrollIntoViewIfNeeded();
  await expect(onAir.getByRole('listitem').first()).toBeVisible();
  await expect(onAir.getByRole('listitem').first().getByRole('link')).toHaveAttribute(
    'href',
    /^\/courses\//,
  );
  await page.getByRole('link', { name: 'Xem lịch phát sóng' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Lịch phát sóng truyền hình' }),
  ).toBeVisible();
  const days = page.getByRole('heading', { level: 3 });
  await expect(days).toHaveCount(7);
  const week = page.getByRole('heading', { level: 2 }).first();
  const thisWeek = (await week.textContent()) ?? '';
  const airings = page.getByRole('main').getByRole('listitem');
  // The demo broadcasts start tomorrow: this week, or next week when today is a Sunday.
  if ((await airings.count()) === 0) {
    await page.getByRole('button', { name: 'Tuần sau' }).click();
    await expect(week).not.toHaveText(thisWeek);
  }
  await expect(airings.first()).toBeVisible();
  await expect(airings.first().getByRole('link')).toHaveAttribute('href', /^\/courses\//);
  await expectNoAxeViolations(page);
  await screenshots(page, 'television');

  await page.goto('/television');
  await page.getByRole('button', { name: 'Tuần sau' }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  await expect(week).not.toHaveText(thisWeek);
  await page.goBack();
  await expect(week).toHaveText(thisWeek);

  const channel = page.getByLabel('Kênh');
  const second = await channel.locator('option').nth(1).textContent();
  await channel.selectOption({ index: 1 });
  await expect(page).toHaveURL(/channel=/);
  await expect(week).toContainText(second ?? '');

  const feed = page.getByRole('link', { name: /\.ics/ });
  const href = (await feed.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/v1\/channels\/[^/]+\/schedule\.ics$/);
  const calendar = await page.request.get(href);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()['content-type']).toContain('text/calendar');
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
});

test('anyone verifies a certificate by its serial: valid, expired, revoked, mistyped or unknown', async ({
  page,
  request,
}) => {
  const [valid, expired, revoked] = await demoCertificates(3);
  await expireCertificate(expired!.serial);
  const login = await request.post('/api/v1/auth/login', {
    data: { email: 'quanlycoso@demo.lifelong.local', password: DEMO_PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const revocation = await request.post(`/api/v1/certificates/${revoked!.serial}/revoke`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { reason: 'Cấp nhầm người học' },
  });
  expect(revocation.status()).toBe(200);

  await page.goto('/');
  await page.getByRole('link', { name: 'Xác thực một chứng chỉ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xác thực chứng chỉ' })).toBeVisible();
  const serial = page.getByLabel('Số hiệu chứng chỉ');
  const verify = page.getByRole('button', { name: 'Xác thực' });

  // Typed as people type it: lower case, in groups with spaces.
  await serial.fill(
    valid!.serial
      .toLowerCase()
      .match(/.{1,4}/g)!
      .join(' '),
  );
  await verify.click();
  await expect(page.getByText('Chứng chỉ hợp lệ')).toBeVisible();
  await expect(page.getByText(valid!.holderName)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'verify-valid');
  const publicPage = page.getByRole('link', { name: /trang xác thực công khai/ });
  // The api's own page, as the serial is displayed (XXXX-XXXX-XXXX-XX).
  const displayed = valid!.serial.match(/.{1,4}/g)!.join('-');
  await expect(publicPage).toHaveAttribute('href', `/verify/${displayed}`);
  await publicPage.click();
  await expect(page).toHaveURL(new RegExp(`/verify/${displayed}$`));
  await expect(page.getByText(valid!.holderName).first()).toBeVisible();
  await page.goBack();
  await expect(page.getByText('Chứng chỉ hợp lệ')).toBeVisible();

  await serial.fill(expired!.serial);
  await verify.click();
  await expect(page.getByText('Chứng chỉ đã hết hạn')).toBeVisible();
  await expectNoAxeViolations(page);

  await serial.fill(revoked!.serial);
  await verify.click();
  await expect(page.getByText('Chứng chỉ đã bị thu hồi')).toBeVisible();
  await expect(page.getByText(/Cấp nhầm người học/)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'verify-revoked');

  await serial.fill(mistypedSerial(valid!.serial));
  await verify.click();
  await expect(page.getByText(/Số hiệu không đúng dạng/)).toBeVisible();
  await expectNoAxeViolations(page);

  await serial.fill(unknownSerial());
  await verify.click();
  await expect(page.getByText('Không tìm thấy chứng chỉ')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'verify-unknown');
});
