import type { Language } from '../templates/language';
import type { NotificationText } from '../templates/notification-text';
import { formatCount } from '../templates/template-vars';

/** What goes into a message besides its headers. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);

/** A header value on one line, whatever a title snapshot contains. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

const WORDS = {
  vi: {
    hello: (name: string | null) => (name ? `Xin chào ${name},` : 'Xin chào,'),
    why: 'Bạn nhận email này vì đã bật thông báo qua email trên Lifelong.',
    unsubscribe: 'Huỷ nhận email',
    // Vietnamese nouns have no plural.
    digestSubject: (date: string, count: string, _one: boolean) =>
      `Bản tin Lifelong ngày ${date}: ${count} thông báo mới`,
    digestIntro: (date: string) => `Đây là các thông báo của bạn trong ngày ${date}:`,
    more: (count: string) => `… và ${count} thông báo khác. Xem tất cả trong hộp thư Lifelong.`,
    accountWhy:
      'Bạn nhận email này vì địa chỉ của bạn gắn với một tài khoản Lifelong. Nếu bạn không yêu cầu, hãy bỏ qua email này.',
  },
  en: {
    hello: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    why: 'You receive this email because email notifications are on in Lifelong.',
    unsubscribe: 'Unsubscribe',
    digestSubject: (date: string, count: string, one: boolean) =>
      `Your Lifelong digest for ${date}: ${count} new notification${one ? '' : 's'}`,
    digestIntro: (date: string) => `Here is what happened on ${date}:`,
    more: (count: string) => `… and ${count} more. See them all in your Lifelong inbox.`,
    accountWhy:
      'You receive this email because your address belongs to a Lifelong account. If you did not expect it, ignore it.',
  },
} as const;

/** Who reads the email and how they leave the list: the frame around every message. */
export interface Envelope {
  language: Language;
  recipientName: string | null;
  unsubscribeUrl: string;
}

function textFooter({ language, unsubscribeUrl }: Envelope): string {
  const words = WORDS[language];
  return `--\n${words.why}\n${words.unsubscribe}: ${unsubscribeUrl}\n`;
}

function htmlPage(envelope: Envelope, content: string): string {
  const words = WORDS[envelope.language];
  const link = escapeHtml(envelope.unsubscribeUrl);
  return (
    `<!doctype html><html lang="${envelope.language}"><head><meta charset="utf-8"></head>` +
    `<body><p>${escapeHtml(words.hello(envelope.recipientName))}</p>${content}` +
    `<hr><p style="font-size:12px;color:#666">${escapeHtml(words.why)} ` +
    `<a href="${link}">${escapeHtml(words.unsubscribe)}</a></p></body></html>`
  );
}

const actionText = (text: NotificationText): string =>
  text.action ? `\n${text.action.label}: ${text.action.url}\n` : '';

const actionHtml = (text: NotificationText): string =>
  text.action
    ? `<p><a href="${escapeHtml(text.action.url)}">${escapeHtml(text.action.label)}</a></p>`
    : '';

/** One notification as an email: the title is the subject; every value is escaped in HTML. */
export function notificationEmail(envelope: Envelope, text: NotificationText): EmailContent {
  const words = WORDS[envelope.language];
  return {
    subject: oneLine(text.title),
    text: `${words.hello(envelope.recipientName)}\n\n${text.body}\n${actionText(text)}\n${textFooter(envelope)}`,
    html: htmlPage(envelope, `<p>${escapeHtml(text.body)}</p>${actionHtml(text)}`),
  };
}

/** `2026-11-30` as people of this language write a date: 30/11/2026, 30 Nov 2026. */
export function formatDay(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const style: Intl.DateTimeFormatOptions =
    language === 'vi'
      ? { day: '2-digit', month: '2-digit', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'UTC',
    ...style,
  }).format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** The day's notifications in one email: the first `items`, then how many more there are. */
export function digestEmail(
  envelope: Envelope,
  digest: { date: string; items: readonly NotificationText[]; total: number },
): EmailContent {
  const { language } = envelope;
  const words = WORDS[language];
  const day = formatDay(digest.date, language);
  const rest = digest.total - digest.items.length;
  const more = rest > 0 ? words.more(formatCount(rest, language)) : '';
  const textItems = digest.items.map((item) => `- ${item.title}\n  ${item.body}`).join('\n');
  const htmlItems = digest.items
    .map(
      (item) => `<li><strong>${escapeHtml(item.title)}</strong><br>${escapeHtml(item.body)}</li>`,
    )
    .join('');
  return {
    subject: oneLine(
      words.digestSubject(day, formatCount(digest.total, language), digest.total === 1),
    ),
    text:
      `${words.hello(envelope.recipientName)}\n\n${words.digestIntro(day)}\n\n${textItems}\n` +
      `${more ? `${more}\n` : ''}\n${textFooter(envelope)}`,
    html: htmlPage(
      envelope,
      `<p>${escapeHtml(words.digestIntro(day))}</p><ul>${htmlItems}</ul>${more ? `<p>${escapeHtml(more)}</p>` : ''}`,
    ),
  };
}

/**
 * A transactional account email (invitation, password reset): the same frame, with a footer
 * that says why it came instead of an unsubscribe link (no preference turns these off).
 */
export function accountEmail(
  reader: Pick<Envelope, 'language' | 'recipientName'>,
  text: NotificationText,
): EmailContent {
  const words = WORDS[reader.language];
  return {
    subject: oneLine(text.title),
    text: `${words.hello(reader.recipientName)}\n\n${text.body}\n${actionText(text)}\n--\n${words.accountWhy}\n`,
    html:
      `<!doctype html><html lang="${reader.language}"><head><meta charset="utf-8"></head>` +
      `<body><p>${escapeHtml(words.hello(reader.recipientName))}</p><p>${escapeHtml(text.body)}</p>` +
      `${actionHtml(text)}<hr><p style="font-size:12px;color:#666">${escapeHtml(words.accountWhy)}</p></body></html>`,
  };
}
