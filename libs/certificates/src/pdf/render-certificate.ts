import PDFDocument from 'pdfkit';
import { create as qrSymbol } from 'qrcode';
import { fillPlaceholders, type PlaceholderValues } from '../templates/placeholders';
import { certificateFonts } from './certificate-fonts';
import { printableText } from './printable-text';

/** A template's text (placeholders unfilled) and its optional logo (PNG or JPEG bytes). */
export interface TemplateText {
  title: string;
  body: string;
  signerName: string;
  signerTitle: string;
  logo: Buffer | null;
}

/** Used where neither the course nor its facility has a template of its own. */
export const DEFAULT_TEMPLATE: TemplateText = {
  title: 'GIẤY CHỨNG NHẬN',
  body: 'Đã hoàn thành khoá học «{{courseTitle}}» ({{hours}} giờ) do {{facilityName}} tổ chức.',
  signerName: '{{facilityName}}',
  signerTitle: 'Đại diện cơ sở đào tạo',
  logo: null,
};

/** What one certificate prints. */
export interface CertificatePrint {
  holderName: string;
  courseTitle: string;
  facilityName: string;
  hours: number | null;
  issuedAt: Date;
  expiresAt: Date | null;
  /** Grouped for reading (`XXXX-XXXX-XXXX-XX`). */
  serial: string;
  /** The public verification page, encoded in the QR code. */
  verifyUrl: string;
}

const dayFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
/** A date as printed: day/month/year in Vietnam's time zone. */
export const printedDay = (at: Date): string => dayFormat.format(at);

export function placeholderValues(print: CertificatePrint): PlaceholderValues {
  return {
    holderName: print.holderName,
    courseTitle: print.courseTitle,
    facilityName: print.facilityName,
    hours: print.hours === null ? '—' : String(print.hours).replace('.', ','),
    issuedOn: printedDay(print.issuedAt),
    expiresOn: print.expiresAt ? printedDay(print.expiresAt) : 'không thời hạn',
    serial: print.serial,
  };
}

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 80;
const NAME_BOX = { y: 190, height: 100 };
const NAME_SIZES = [36, 32, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10];
const ONE_LINE_MIN = 22;

/**
 * Renders one certificate: A4 landscape, DejaVu Sans embedded (subset), the holder's name
 * shrunk and then wrapped to stay inside its box, a QR code of the verification URL.
 */
export async function renderCertificate(
  template: TemplateText,
  print: CertificatePrint,
): Promise<Buffer> {
  const fonts = certificateFonts();
  const clean = (text: string): string => printableText(text, fonts.metrics);
  const values = placeholderValues({ ...print, holderName: clean(print.holderName) });
  const fill = (text: string): string => clean(fillPlaceholders(text, values));

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${fill(template.title)} ${print.serial}`,
      Author: print.facilityName,
      CreationDate: print.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const width = PAGE.width - 2 * MARGIN;

  doc
    .lineWidth(3)
    .rect(20, 20, PAGE.width - 40, PAGE.height - 40)
    .stroke('#1f4e79');
  doc
    .lineWidth(1)
    .rect(28, 28, PAGE.width - 56, PAGE.height - 56)
    .stroke('#1f4e79');
  if (template.logo) doc.image(template.logo, 50, 45, { fit: [90, 90] });

  doc.fillColor('#1f4e79').font('bold').fontSize(30);
  doc.text(fill(template.title), MARGIN + 60, 80, {
    width: width - 120,
    height: 80,
    align: 'center',
    ellipsis: true,
  });
  doc.fillColor('#000000').font('regular').fontSize(15);
  doc.text('Chứng nhận', MARGIN, 160, { width, align: 'center' });

  // One line at the largest size down to ONE_LINE_MIN; past that, wrapped at the largest size
  // that fits the box (a 300-character name still fits at the smallest).
  const name = values.holderName;
  doc.font('bold');
  const size =
    NAME_SIZES.find(
      (candidate) =>
        candidate >= ONE_LINE_MIN && doc.fontSize(candidate).widthOfString(name) <= width,
    ) ??
    NAME_SIZES.find(
      (candidate) =>
        doc.fontSize(candidate).heightOfString(name, { width, align: 'center' }) <= NAME_BOX.height,
    ) ??
    NAME_SIZES.at(-1)!;
  doc.fontSize(size);
  const nameHeight = Math.min(
    doc.heightOfString(name, { width, align: 'center' }),
    NAME_BOX.height,
  );
  doc.text(name, MARGIN, NAME_BOX.y + (NAME_BOX.height - nameHeight) / 2, {
    width,
    height: NAME_BOX.height,
    align: 'center',
    ellipsis: true,
  });

  doc.font('regular').fontSize(15);
  doc.text(fill(template.body), MARGIN, 310, {
    width,
    height: 90,
    align: 'center',
    ellipsis: true,
  });

  doc.fontSize(11);
  const facts = [
    `Số hiệu: ${print.serial}`,
    `Ngày cấp: ${values.issuedOn}`,
    `Có giá trị đến: ${values.expiresOn}`,
  ];
  doc.text(facts.join('\n'), 60, 440, { width: 280, height: 70 });
  doc.fontSize(8).text(clean(print.verifyUrl), 60, 500, { width: 300, height: 30 });

  doc.font('bold').fontSize(13);
  doc.text(fill(template.signerTitle), 380, 440, {
    width: 270,
    height: 36,
    align: 'center',
    ellipsis: true,
  });
  doc.font('regular').fontSize(13);
  doc.text(fill(template.signerName), 380, 500, {
    width: 270,
    height: 36,
    align: 'center',
    ellipsis: true,
  });

  drawQrCode(doc, print.verifyUrl, { x: 680, y: 420, size: 120 });
  doc.end();
  return done;
}

/**
 * The QR code as vector squares, with a quiet zone of two modules: sharp at any zoom or print
 * size, and no image to encode.
 */
function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  at: { x: number; y: number; size: number },
): void {
  const { modules } = qrSymbol(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = at.size / (modules.size + 2 * quiet);
  doc.rect(at.x, at.y, at.size, at.size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col))
        doc.rect(at.x + (col + quiet) * cell, at.y + (row + quiet) * cell, cell, cell);
  doc.fill('#000000');
}
