import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { toBuffer as qrPng } from 'qrcode';
import { expect, expectNoAxeViolations, screenshots, test } from './support/test';
import { signIn } from './support/journey';

// Issue 16, item 7: the demo university's facility admin edits its certificate template, with
// the api's trial print beside the form.
const FACILITY_ADMIN = 'quanlycoso@demo.lifelong.local';
const FACILITY = 'Trường Đại học Mở Hà Nội';
const run = promisify(execFile);

/**
 * The trial prints the page received, newest last (the page's CSP rightly stops a test script
 * from reading the frame's blob, so the api's answers are copied on their way to the page).
 */
async function previewsOf(page: Page): Promise<Buffer[]> {
  const received: Buffer[] = [];
  await page.route('**/api/v1/certificate-templates/preview', async (route) => {
    const response = await route.fetch();
    if (response.ok()) received.push(await response.body());
    await route.fulfill({ response });
  });
  return received;
}

/** The newest trial print as pdftotext and pdfimages read it, once the frame shows a PDF. */
async function latestPreview(
  page: Page,
  received: Buffer[],
): Promise<{ text: string; images: number }> {
  await expect(page.getByTitle('Bản xem thử giấy chứng nhận (PDF)')).toHaveAttribute(
    'src',
    /^blob:/,
  );
  const file = join(await mkdtemp(join(tmpdir(), 'lifelong-template-')), 'preview.pdf');
  await writeFile(file, received.at(-1) ?? Buffer.alloc(0));
  const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const { stdout: images } = await run('pdfimages', ['-list', file]);
  return {
    text: text.normalize('NFC').replace(/\s+/g, ' '),
    images: images.trim().split('\n').length - 2,
  };
}

test("a facility admin edits the facility's certificate template against its live preview", async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  const received = await previewsOf(page);
  await signIn(page, FACILITY_ADMIN);
  await page.getByRole('link', { name: 'Soạn bài giảng' }).first().click();
  await page.getByRole('link', { name: 'Mẫu giấy chứng nhận' }).click();
  // One facility: the page opens on it.
  await expect(page).toHaveURL(/\/studio\/facilities\/[^/]+\/certificate-template$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `Mẫu giấy chứng nhận của ${FACILITY}` }),
  ).toBeVisible();
  const frame = page.getByTitle('Bản xem thử giấy chứng nhận (PDF)');
  await expect(frame).toBeVisible();
  const firstPrint = await frame.getAttribute('src');

  // The text, with a placeholder picked from the list at the cursor.
  const mark = Date.now().toString(36);
  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.fill(`Chúc mừng  đã học xong (${mark}).`);
  // The cursor after "Chúc mừng ", as the keyboard puts it.
  await body.press('Home');
  for (let i = 0; i < 'Chúc mừng '.length; i++) await body.press('ArrowRight');
  await page
    .getByRole('button', { name: 'Chèn {{holderName}} (Họ tên người học) vào ô Nội dung' })
    .click();
  await expect(body).toHaveValue(`Chúc mừng {{holderName}} đã học xong (${mark}).`);
  await expect(body).toBeFocused();
  await page.getByRole('textbox', { name: 'Tên người ký' }).fill('PGS. TS. Lê Văn Hiệu');

  // A placeholder that does not exist: said under its field, and the preview waits.
  const signerTitle = page.getByRole('textbox', { name: 'Chức danh người ký' });
  await signerTitle.fill('Thay mặt {{hieuTruong}}');
  await expect(signerTitle).toHaveAttribute('aria-invalid', 'true');
  await expect(signerTitle).toHaveAccessibleDescription(
    'Không có chỗ điền {{hieuTruong}}. Hãy chọn chỗ điền từ danh sách bên dưới.',
  );
  await expect(page.getByText('Bản xem thử chưa cập nhật: hãy sửa lỗi trong mẫu.')).toBeVisible();
  await page.mouse.move(1, 300);
  await expectNoAxeViolations(page);
  await signerTitle.fill('Hiệu trưởng');
  await expect(signerTitle).not.toHaveAttribute('aria-invalid', 'true');

  // A logo made here: a small PNG, chosen as a person would.
  const logo = await qrPng('Trường Đại học Mở Hà Nội', { scale: 4 });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Chọn ảnh logo' }).click(),
  ]);
  await chooser.setFiles({ name: 'logo-truong.png', mimeType: 'image/png', buffer: logo });
  await expect(page.getByText('Logo mới: logo-truong.png (chưa lưu)')).toBeVisible();

  // The preview follows: the edited text filled with the example learner, and the logo.
  const edited = `Chúc mừng Nguyễn Văn An đã học xong (${mark}).`;
  await expect
    .poll(
      async () => {
        const { text, images } = await latestPreview(page, received);
        return text.includes(edited) && text.includes('Hiệu trưởng') && images > 0;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  await expect(frame).not.toHaveAttribute('src', firstPrint!);
  await expect(page.getByText('Đang cập nhật bản xem thử…')).toBeHidden();
  const preview = await latestPreview(page, received);
  expect(preview.text).toContain('PGS. TS. Lê Văn Hiệu');
  expect(preview.images).toBeGreaterThan(0);
  await page.mouse.move(1, 300);
  await expectNoAxeViolations(page);
  await screenshots(page, 'studio-certificate-template');

  // Saved, it is what the facility's certificates print from now on.
  await page.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(
    page.getByText('Đã lưu mẫu. Giấy chứng nhận cấp từ nay sẽ in theo mẫu này.'),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Nội dung' })).toHaveValue(
    `Chúc mừng {{holderName}} đã học xong (${mark}).`,
  );
  await expect(page.getByRole('textbox', { name: 'Chức danh người ký' })).toHaveValue(
    'Hiệu trưởng',
  );
  await expect(page.getByText('Đang dùng logo đã lưu.')).toBeVisible();
  await expect
    .poll(async () => (await latestPreview(page, received)).images, { timeout: 30_000 })
    .toBeGreaterThan(0);
});
