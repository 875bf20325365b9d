import { readFile } from 'node:fs/promises';
import { checkPage, signIn } from './support/journey';
import { expect, expectNoAxeViolations, screenshots, test } from './support/test';

// The programme's public figures, read by a visitor: the country, then a province and back,
// another period and a facility type, and the CSV; the demo's activity is already counted.

test.describe.configure({ timeout: 180_000 });

test('a visitor reads the programme figures by province, period and facility type, and downloads them', async ({
  page,
}) => {
  const year = String(new Date().getFullYear());
  await page.goto('/');
  await page.getByRole('link', { name: 'Xã hội học tập qua số liệu' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Xã hội học tập qua số liệu' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: `Cả nước, Năm ${year}` })).toBeVisible();

  // Each indicator by its name, with the demo's enrollments counted.
  const enrollments = page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: 'Số lượt ghi danh' }) });
  await expect(enrollments.getByRole('definition')).toHaveText(/^[1-9][\d.]*$/);
  const provinces = page.getByRole('table', {
    name: /Số liệu của từng địa bàn trực thuộc Cả nước/,
  });
  const hanoi = provinces.getByRole('row').filter({ hasText: 'Thành phố Hà Nội' });
  await expect(hanoi).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'figures-country');

  // Down to a province: its own figures, its communes, and a way back up.
  await hanoi.getByRole('link', { name: 'Xem số liệu của Thành phố Hà Nội' }).click();
  await expect(page.getByRole('heading', { name: `Thành phố Hà Nội, Năm ${year}` })).toBeVisible();
  const communes = page.getByRole('table', { name: /trực thuộc Thành phố Hà Nội/ });
  await expect(communes.getByRole('row').filter({ hasText: 'Xã Ba Vì' })).toBeVisible();
  // Few people in a commune: their counts read "< 5", never the number.
  await expect(communes.getByText('< 5').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'figures-province');

  // The choice lives in the address: a reload keeps the province and the way back.
  await page.reload();
  await expect(page.getByRole('heading', { name: `Thành phố Hà Nội, Năm ${year}` })).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Các cấp địa bàn' });
  await expect(crumbs.getByRole('link', { name: 'Cả nước' })).toBeVisible();

  // Another period and one kind of facility.
  await page.getByLabel('Loại cơ sở').selectOption({ label: 'Trung tâm học tập cộng đồng' });
  await expect(page).toHaveURL(/facilityType=community_learning_center/);
  const quarter = Math.floor(new Date().getMonth() / 3) + 1;
  await page.getByLabel('Kỳ').selectOption({ label: `Quý ${quarter}/${year}` });
  await expect(page).toHaveURL(new RegExp(`period=${year}-Q${quarter}`));
  await expect(
    page.getByRole('heading', { name: `Thành phố Hà Nội, Quý ${quarter}/${year}` }),
  ).toBeVisible();

  // The CSV is what is on screen: the province, then its communes.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải số liệu (CSV)' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[1]).toContain('Thành phố Hà Nội');
  expect(lines.some((line) => line.includes('Xã Ba Vì'))).toBe(true);

  // Back up to the country, keeping the period and the type.
  await crumbs.getByRole('link', { name: 'Cả nước' }).click();
  await expect(
    page.getByRole('heading', { name: `Cả nước, Quý ${quarter}/${year}` }),
  ).toBeVisible();
  await expect(page).toHaveURL(/facilityType=community_learning_center/);
});

test('a supervisor of Hà Nội goes from training management to the figures of the city they oversee', async ({
  page,
}) => {
  await signIn(page, 'thanhtra@demo.lifelong.local');
  await page.getByRole('link', { name: 'Quản lý đào tạo' }).first().click();
  // Compliance is kept by agency; an administrative unit's supervisor is sent to its figures.
  await expect(page.getByText('Phạm vi của bạn là đơn vị hành chính')).toBeVisible();
  await checkPage(page, 'figures-supervisor-compliance');
  await page
    .getByRole('link', { name: 'Xem số liệu chương trình của địa bàn bạn phụ trách.' })
    .click();
  const year = String(new Date().getFullYear());
  await expect(page.getByRole('heading', { name: `Thành phố Hà Nội, Năm ${year}` })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: /trực thuộc Thành phố Hà Nội/ })
      .getByRole('row', { name: /Xã Ba Vì/ }),
  ).toBeVisible();
  // The report they take away: the city first, then its communes, hidden counts still hidden.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải số liệu (CSV)' }).click();
  const lines = (await readFile(await (await download).path(), 'utf8')).trim().split('\n');
  expect(lines[0]).toMatch(/^period,facility_type,admin_unit_id,name,/);
  expect(lines[1]).toContain('Thành phố Hà Nội');
  expect(lines.slice(2).some((line) => line.includes('Xã Ba Vì'))).toBe(true);
  expect(lines.some((line) => line.includes('< 5'))).toBe(true);
  // The same place from the training-management links.
  await page.goBack();
  await page
    .getByRole('navigation', { name: 'Các mục quản lý đào tạo' })
    .getByRole('link', { name: 'Số liệu chương trình' })
    .click();
  await expect(page.getByRole('heading', { name: `Thành phố Hà Nội, Năm ${year}` })).toBeVisible();
});
