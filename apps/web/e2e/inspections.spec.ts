import { checkPage, signIn } from './support/journey';
import { expect, test } from './support/test';

// An inspection, one full round: the city's supervisor plans one of a facility with the
// standard weighted checklist, scores it (the weighted result shows as they type), keeps a
// piece of evidence, gives the facility a follow-up action and publishes the report; the
// facility's admin reads it and closes the action with evidence of what was done.

const FACILITY_ADMIN = 'quanlycoso@demo.lifelong.local'; // Lê Thị Hồng
const SUPERVISOR = 'thanhtra@demo.lifelong.local'; // Hà Nội
const FACILITY = 'Trường Đại học Mở Hà Nội';
const ACTION = 'Bổ sung sổ theo dõi lớp học quý 3';

test.describe.configure({ timeout: 180_000 });

/** The calendar day in Hanoi, `days` from now: `yyyy-mm-dd`. */
const dayInHanoi = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
const asPeopleWriteIt = (day: string) => day.split('-').reverse().join('/');

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n${name}\n%%EOF`),
});

test('a supervisor plans, records and publishes an inspection; the facility closes its action', async ({
  page,
}) => {
  const today = dayInHanoi();
  await signIn(page, SUPERVISOR);
  await page.getByRole('link', { name: 'Quản lý đào tạo' }).first().click();
  await page
    .getByRole('navigation', { name: 'Các mục quản lý đào tạo' })
    .getByRole('link', { name: 'Kiểm tra', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra các đơn vị' })).toBeVisible();
  await checkPage(page, 'inspections-list');

  // The plan: the standard checklist is offered, with its weights.
  await page.getByRole('link', { name: 'Lập kế hoạch kiểm tra' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lập kế hoạch kiểm tra' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await expect(page.getByText('Hãy ghi ít nhất một thành viên đoàn.')).toBeVisible();
  await page.getByLabel('Đơn vị được kiểm tra').selectOption({ label: FACILITY });
  await page.getByLabel('Ngày kiểm tra').fill(today);
  await page
    .getByLabel('Thành viên đoàn kiểm tra (mỗi dòng một người)')
    .fill('Hoàng Văn Nam\nNguyễn Thị Thu');
  await expect(page.getByLabel('Trọng số tiêu chí 1')).toHaveValue('3');
  await checkPage(page, 'inspection-plan');
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();

  // Recording: nothing can be published before every criterion has a score.
  await expect(page.getByRole('heading', { level: 1, name: `Kiểm tra ${FACILITY}` })).toBeVisible();
  await expect(page.getByText('Kết quả chung: chưa chấm đủ các tiêu chí')).toBeVisible();
  const publish = async () => {
    await page.getByRole('button', { name: 'Công bố biên bản' }).click();
    await page
      .getByRole('dialog', { name: 'Công bố biên bản' })
      .getByRole('button', { name: 'Công bố biên bản' })
      .click();
  };
  await publish();
  await expect(page.getByRole('alert')).toContainText('Còn tiêu chí chưa chấm điểm');
  await page
    .getByLabel('Điểm (0–100): Kế hoạch hoạt động năm được xây dựng và thực hiện')
    .fill('90');
  await page.getByLabel('Điểm (0–100): Lớp học và người học được theo dõi đầy đủ').fill('70');
  await page
    .getByLabel('Nhận xét: Lớp học và người học được theo dõi đầy đủ')
    .fill('Thiếu sổ quý 3.');
  await page.getByLabel('Điểm (0–100): Cơ sở vật chất, thư viện phục vụ người dân').fill('60');
  // (3 × 90 + 2 × 70 + 1 × 60) / 6
  await expect(page.getByText('Kết quả chung: 78,3/100')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Thêm minh chứng: Lớp học và người học được theo dõi đầy đủ').click();
  await (await chooser).setFiles(pdf('bien-ban-so-theo-doi.pdf'));
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã lưu minh chứng bien-ban-so-theo-doi.pdf.' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'bien-ban-so-theo-doi.pdf' })).toBeVisible();
  await page
    .getByLabel('Kết luận chung')
    .fill('Trung tâm hoạt động tốt; cần bổ sung hồ sơ lớp học.');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã lưu kết quả kiểm tra.' }),
  ).toBeVisible();

  // A follow-up action for the facility's admin, due in a month.
  await page.getByLabel('Việc cần làm').fill(ACTION);
  await page.getByLabel('Người chịu trách nhiệm').selectOption({ label: 'Lê Thị Hồng' });
  await page.getByLabel('Hạn hoàn thành').fill(dayInHanoi(30));
  await page.getByRole('button', { name: 'Thêm việc khắc phục' }).click();
  await expect(page.getByRole('article', { name: ACTION })).toBeVisible();
  await checkPage(page, 'inspection-record');
  await publish();
  await expect(page.getByText(/^Biên bản đã công bố ngày/)).toBeVisible();
  await expect(page.getByText('Kết quả chung: 78,3/100')).toBeVisible();

  // The facility reads its report and closes the action, evidence first.
  await signIn(page, FACILITY_ADMIN);
  await page.getByRole('link', { name: 'Soạn bài giảng' }).first().click();
  await page
    .getByRole('navigation', { name: 'Các trang soạn bài giảng' })
    .getByRole('link', { name: 'Kết quả kiểm tra' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kết quả kiểm tra của đơn vị' }),
  ).toBeVisible();
  await checkPage(page, 'inspections-received');
  await page
    .getByRole('link', { name: `Xem biên bản kiểm tra ngày ${asPeopleWriteIt(today)}` })
    .first()
    .click();
  await expect(page.getByText('Kết quả chung: 78,3/100')).toBeVisible();
  await expect(page.getByText('Thiếu sổ quý 3.')).toBeVisible();
  const action = page.getByRole('article', { name: ACTION });
  await action.getByRole('button', { name: `Đóng việc: ${ACTION}` }).click();
  await expect(action.getByRole('alert')).toContainText(
    'Hãy tải lên ít nhất một minh chứng trước khi đóng việc này.',
  );
  const evidence = page.waitForEvent('filechooser');
  await action.getByLabel(`Tải minh chứng cho việc: ${ACTION}`).click();
  await (await evidence).setFiles(pdf('so-theo-doi-quy-3.pdf'));
  await expect(action.getByRole('link', { name: 'so-theo-doi-quy-3.pdf' })).toBeVisible();
  await action.getByLabel(`Kết quả khắc phục: ${ACTION}`).fill('Đã bổ sung đủ sổ quý 3.');
  await checkPage(page, 'inspection-received');
  await action.getByRole('button', { name: `Đóng việc: ${ACTION}` }).click();
  await expect(action.getByText('Đã đóng', { exact: true })).toBeVisible();
  await expect(action.getByText('Kết quả khắc phục: Đã bổ sung đủ sổ quý 3.')).toBeVisible();

  // The supervisor's list of overdue actions opens (this one was closed in time).
  await signIn(page, SUPERVISOR);
  await page.goto('/manage/inspections/overdue');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Việc khắc phục quá hạn' }),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: ACTION })).toHaveCount(0);
  await checkPage(page, 'inspections-overdue');
});
