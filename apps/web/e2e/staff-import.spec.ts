import { readFile } from 'node:fs/promises';
import { checkPage, signIn } from './support/journey';
import { expect, test } from './support/test';

// Issue 17: the ministry's training officer imports staff from a CSV with a bad line, watches it
// complete, reads and downloads the line errors, then finds an imported person on "my staff"
// typed without diacritics and narrows the list by unit in the tree.

const MANAGER = 'canbodaotao@demo.lifelong.local';
const CSV = [
  'employeeCode,fullName,email,orgUnitCode,position,jobGrade',
  'NK-0001,Nguyễn Văn Khoa,khoa.nguyen@example.vn,BGDDT-TTR,Thanh tra viên,A2',
  'NK-0002,Lê Thị Hạnh,hanh.le@example.vn,BGDDT-TTR,Chuyên viên,A1',
  'NK-0003,Đỗ Minh Tâm,khong-phai-email,BGDDT-VP,Chuyên viên,A1',
  'NK-0004,Phạm Thu Trang,trang.pham@example.vn,BGDDT-VP,Chuyên viên,A1',
].join('\n');

test('an org manager imports staff, reads the line errors and finds the new people', async ({
  page,
}) => {
  test.setTimeout(180_000); // an import, two pages and six screenshots
  await signIn(page, MANAGER);
  await page.goto('/manage/imports');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nhập danh sách cán bộ' }),
  ).toBeVisible();
  await expect(page.getByText('orgUnitCode', { exact: true })).toBeVisible();
  await checkPage(page, 'manage-imports');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp CSV' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'can-bo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await expect(page.getByText('Tệp đã chọn: can-bo.csv')).toBeVisible();
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click();

  // The import's id is in the address; the server does the work and the page polls it.
  await expect(page).toHaveURL(/[?&]import=/);
  const progress = page.getByRole('region', { name: 'Tiến độ' });
  await expect(progress.getByText('Đã xong')).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByText('Đã xử lý 4 / 4 dòng')).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Số dòng đã xử lý' })).toBeVisible();
  const figure = (label: string) => progress.getByText(label, { exact: true }).locator('xpath=..');
  await expect(figure('Thêm mới')).toContainText('3');
  await expect(figure('Lỗi')).toContainText('1');

  // A reload keeps showing the import it was watching.
  await page.reload();
  const errors = page.getByRole('region', { name: 'Các dòng bị lỗi' });
  const line = errors.getByRole('row', { name: /khong-phai-email/ });
  await expect(line.getByRole('cell').first()).toHaveText('4');
  await checkPage(page, 'manage-imports-report');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải báo cáo lỗi (CSV)' }).click();
  const report = await readFile(await (await download).path(), 'utf8');
  const reportLines = report
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(reportLines).toHaveLength(2);
  expect(reportLines[0]).toBe('Dòng,Lỗi');
  expect(reportLines[1]).toMatch(/^4,.*khong-phai-email/);

  // My staff: typed without diacritics, the imported person is found.
  await page.getByRole('link', { name: 'Cán bộ của tôi' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cán bộ của tôi' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Đơn vị' });
  await expect(tree.getByRole('treeitem', { name: /^Bộ Giáo dục và Đào tạo/ })).toBeVisible();
  const staff = page.getByRole('region', { name: 'Danh sách cán bộ' });
  await expect(staff.getByRole('row').nth(1)).toBeVisible();
  await checkPage(page, 'manage-staff');

  await page.getByLabel('Tìm theo họ tên hoặc email').fill('nguyen van khoa');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const khoa = staff.getByRole('row', { name: /Nguyễn Văn Khoa/ });
  await expect(khoa).toBeVisible();
  await expect(khoa.getByRole('cell', { name: 'Thanh tra Bộ' })).toBeVisible();
  await expect(staff.getByRole('row')).toHaveCount(2); // the header and Khoa

  // The tree narrows the list to a unit's subtree: not in the office, found in the inspectorate.
  await tree.getByRole('treeitem', { name: /^Văn phòng Bộ/ }).click();
  await expect(page.getByText('Không có cán bộ nào khớp bộ lọc')).toBeVisible();
  const inspectorate = tree.getByRole('treeitem', { name: /^Thanh tra Bộ/ });
  await inspectorate.focus();
  await page.keyboard.press('Enter');
  await expect(inspectorate).toHaveAttribute('aria-selected', 'true');
  await expect(khoa).toBeVisible();
  await expect(page).toHaveURL(/unit=/);

  // Without the search, the inspectorate's list holds only its own people.
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(page.getByRole('button', { name: 'Xóa bộ lọc' })).toHaveCount(0);
  await expect(staff.getByRole('row').nth(2)).toBeVisible();
  for (const cell of await staff.getByRole('row').locator('td:nth-child(2)').all())
    await expect(cell).toHaveText('Thanh tra Bộ');
  await checkPage(page, 'manage-staff-unit');
});
