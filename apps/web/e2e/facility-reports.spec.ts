import { checkPage, signIn } from './support/journey';
import { expect, test } from './support/test';

// A facility's yearly report, one full round: its admin fills it in (and is told what is
// missing), submits it; the supervisor of the city returns it with a reason; the facility
// corrects and submits again; the supervisor accepts it; the public figures count it.

const FACILITY_ADMIN = 'quanlycoso@demo.lifelong.local';
const SUPERVISOR = 'thanhtra@demo.lifelong.local'; // Hà Nội
const FACILITY = 'Trường Đại học Mở Hà Nội'; // in Phường Ba Đình, Hà Nội

test.describe.configure({ timeout: 180_000 });

test('a facility reports its year, the supervisor returns then accepts it, and the figures count it', async ({
  page,
}) => {
  const year = new Date().getFullYear();
  await signIn(page, FACILITY_ADMIN);
  await page.getByRole('link', { name: 'Soạn bài giảng' }).first().click();
  await page
    .getByRole('navigation', { name: 'Các trang soạn bài giảng' })
    .getByRole('link', { name: 'Báo cáo năm' })
    .click();
  // One facility: straight to its report of this year.
  await expect(
    page.getByRole('heading', { level: 1, name: `Báo cáo năm ${year}: ${FACILITY}` }),
  ).toBeVisible();
  await expect(page.getByText('Chưa bắt đầu')).toBeVisible();
  await page.getByLabel('Số lớp học trực tiếp đã mở trong năm').fill('12');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' })).toBeVisible();
  await expect(page.getByText('Bản nháp', { exact: true })).toBeVisible();

  const submit = async () => {
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page
      .getByRole('dialog', { name: 'Nộp báo cáo' })
      .getByRole('button', { name: 'Nộp báo cáo' })
      .click();
  };
  // A required answer left out: the server says so, nothing is submitted.
  await submit();
  await expect(page.getByRole('alert')).toContainText('Còn câu hỏi bắt buộc chưa trả lời.');
  await expect(page.getByText('Bản nháp', { exact: true })).toBeVisible();
  await page.getByLabel('Số lượt người học tại các lớp trực tiếp').fill('430');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Cơ sở có thư viện hoặc góc đọc mở cho người dân').check();
  await checkPage(page, 'facility-report-fill');
  await submit();
  await expect(page.getByText('Đã nộp, chờ duyệt')).toBeVisible();
  await expect(
    page.getByText('Báo cáo đã nộp; dưới đây là những gì cơ sở đã trả lời.'),
  ).toBeVisible();

  // The city's supervisor finds it among the reports waiting, and sends it back with a reason.
  await signIn(page, SUPERVISOR);
  await page.getByRole('link', { name: 'Quản lý đào tạo' }).first().click();
  await page
    .getByRole('navigation', { name: 'Các mục quản lý đào tạo' })
    .getByRole('link', { name: 'Báo cáo năm của cơ sở' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Duyệt báo cáo năm của các cơ sở' }),
  ).toBeVisible();
  const card = page.getByRole('article', { name: FACILITY });
  await card.getByRole('button', { name: `Xem báo cáo của ${FACILITY}` }).click();
  await expect(card.getByText('430')).toBeVisible();
  await card.getByRole('button', { name: 'Trả lại để sửa' }).click();
  await expect(card.getByText('Hãy ghi điều cơ sở cần sửa.')).toBeVisible();
  await card
    .getByLabel('Nhận xét (bắt buộc khi trả lại)')
    .fill('Số lượt người học phải là 340 theo sổ theo dõi.');
  await checkPage(page, 'facility-reports-decide');
  await card.getByRole('button', { name: 'Trả lại để sửa' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Đã trả lại báo cáo của ${FACILITY}.` }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);

  // The facility reads why, corrects and submits again.
  await signIn(page, FACILITY_ADMIN);
  await page.goto('/studio/reports');
  await expect(page.getByText('Bị trả lại để sửa')).toBeVisible();
  await expect(
    page.getByText('Lý do trả lại: Số lượt người học phải là 340 theo sổ theo dõi.'),
  ).toBeVisible();
  await page.getByLabel('Số lượt người học tại các lớp trực tiếp').fill('340');
  await submit();
  await expect(page.getByText('Đã nộp, chờ duyệt')).toBeVisible();

  // Accepted this time.
  await signIn(page, SUPERVISOR);
  await page.goto('/manage/reports');
  await card.getByRole('button', { name: `Xem báo cáo của ${FACILITY}` }).click();
  await expect(card.getByText('340')).toBeVisible();
  await card.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Đã chấp nhận báo cáo của ${FACILITY}.` }),
  ).toBeVisible();
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã được chấp nhận' });
  await expect(page.getByRole('article', { name: FACILITY })).toBeVisible();

  // The programme's figures count the year's classes held in person (the worker refreshes them).
  const classes = page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: 'Số lớp học trực tiếp' }) })
    .getByRole('definition');
  await expect(async () => {
    await page.goto(`/figures?period=${year}`);
    await expect(classes).toHaveText('12', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
});
