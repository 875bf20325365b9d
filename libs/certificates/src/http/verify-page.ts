import type { CertificateView } from '../reads/certificate-reads.service';
import { printedDay } from '../pdf/render-certificate';
import { displaySerial } from '../serial/serial';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STATUS_WORDS = {
  valid: 'Còn hiệu lực (valid)',
  expired: 'Đã hết hạn (expired)',
  revoked: 'Đã bị thu hồi (revoked)',
} as const;

const page = (title: string, content: string): string =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex">` +
  `<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>` +
  `${content}</main></body></html>`;

/** The public verification page of a certificate: everything escaped, no script. */
export function verificationPage({ certificate, revocation, status }: CertificateView): string {
  const rows: [string, string][] = [
    ['Số hiệu (serial)', displaySerial(certificate.serial)],
    ['Trạng thái (status)', STATUS_WORDS[status]],
    ['Người nhận (holder)', certificate.holderName],
    ['Khoá học (course)', certificate.courseTitle],
    ['Cơ sở đào tạo (facility)', certificate.facilityName],
    ['Ngày cấp (issued)', printedDay(certificate.issuedAt)],
    [
      'Có giá trị đến (expires)',
      certificate.expiresAt ? printedDay(certificate.expiresAt) : 'không thời hạn (never)',
    ],
  ];
  if (revocation)
    rows.push(
      ['Ngày thu hồi (revoked)', printedDay(revocation.revokedAt)],
      ['Lý do (reason)', revocation.reason],
    );
  const table = rows
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return page(
    'Xác minh chứng chỉ',
    `<p><strong>${escapeHtml(STATUS_WORDS[status])}</strong></p><table>${table}</table>`,
  );
}

/** The page for a serial that is malformed or unknown. */
export function verificationFailedPage(malformed: boolean): string {
  return page(
    'Xác minh chứng chỉ',
    `<p>${
      malformed
        ? 'Số hiệu không hợp lệ: hãy kiểm tra lại từng ký tự. (This serial is not valid: check it for a typo.)'
        : 'Không tìm thấy chứng chỉ có số hiệu này. (No certificate has this serial.)'
    }</p>`,
  );
}
