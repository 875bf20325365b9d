import { DEFAULT_TEMPLATE, renderCertificate } from '@lifelong/certificates';
import { pdfQrCodes, pdfText, pdfWords, removeDir, scratchDir } from './certificates-testing';

// Rendering alone (no database): what poppler reads back from the PDF, and where it sits.
const print = {
  holderName: 'Nguyễn Văn An',
  courseTitle: 'Học tập suốt đời',
  facilityName: 'Trung tâm học tập cộng đồng xã Tân Phú',
  hours: 8,
  issuedAt: new Date('2026-12-01T08:00:00.000Z'),
  expiresAt: null,
  serial: '7KQ4-M2XD-9FHT-B3',
  verifyUrl: 'https://lifelong.example.vn/verify/7KQ4-M2XD-9FHT-B3',
};
const NAME_BOX = { top: 190, bottom: 290 };
let dir: string;

beforeAll(async () => {
  dir = await scratchDir();
});
afterAll(async () => {
  await removeDir(dir);
});

describe('a certificate PDF', () => {
  it('is A4 landscape, with the holder and a QR code of the verification URL', async () => {
    const pdf = await renderCertificate(DEFAULT_TEMPLATE, print);
    const { page } = await pdfWords(pdf, dir);
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
    expect(await pdfText(pdf, dir)).toContain('\nNguyễn Văn An\n');
    expect(await pdfQrCodes(pdf, dir)).toEqual([print.verifyUrl]);
  });

  it('wraps a 300-character name inside its box, never past the page or into the text below', async () => {
    const name = Array.from({ length: 20 }, (_, i) => `Trần${'ư'.repeat(i % 3)}ờngĐ`)
      .join(' ')
      .padEnd(300, 'ễ');
    expect(name).toHaveLength(300);
    const pdf = await renderCertificate(DEFAULT_TEMPLATE, { ...print, holderName: name });
    const { page, words } = await pdfWords(pdf, dir);
    const nameWords = words.filter(
      (word) => name.includes(word.text) && word.yMin >= NAME_BOX.top - 5,
    );
    // Every character is there (a word longer than the box breaks where the box ends).
    expect(nameWords.map((word) => word.text).join('')).toBe(name.replace(/ /g, ''));
    for (const word of nameWords) {
      expect(word.xMin).toBeGreaterThanOrEqual(40);
      expect(word.xMax).toBeLessThanOrEqual(page.width - 40);
      expect(word.yMax).toBeLessThanOrEqual(NAME_BOX.bottom + 2);
    }
    expect(await pdfQrCodes(pdf, dir)).toEqual([print.verifyUrl]);
  });

  it('prints combining marks composed, and leaves out what the font cannot draw without failing', async () => {
    const pdf = await renderCertificate(DEFAULT_TEMPLATE, {
      ...print,
      holderName: 'Lê Thị Thu Hà\u200d\u{1f469}\u200d\u{1f393} \u{1fae0} Vy'.normalize('NFD'),
    });
    const text = await pdfText(pdf, dir);
    expect(text).toContain('Lê Thị Thu Hà');
    expect(text).not.toContain('\u200d');
    expect(text).not.toContain('\u{1fae0}');
    expect(text).toMatch(/Vy/);
  });
});
