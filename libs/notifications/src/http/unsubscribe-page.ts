import { escapeHtml } from '../email/email-layout';
import type { Language } from '../templates/language';

const WORDS = {
  vi: {
    title: 'Huỷ nhận email từ Lifelong',
    confirm:
      'Bạn sẽ không nhận email thông báo từ Lifelong nữa. Thông báo vẫn có trong hộp thư Lifelong của bạn.',
    button: 'Huỷ nhận email',
    done: 'Bạn đã huỷ nhận email thông báo. Bạn có thể bật lại trong phần cài đặt thông báo.',
  },
  en: {
    title: 'Unsubscribe from Lifelong emails',
    confirm:
      'You will get no more notification emails from Lifelong. Notifications stay in your Lifelong inbox.',
    button: 'Unsubscribe',
    done: 'You are unsubscribed from notification emails. You can turn them back on in your notification settings.',
  },
} as const;

/**
 * The page an unsubscribe link opens. Opening it changes nothing (mail scanners follow links):
 * its button posts the same one-click request a mail program sends.
 */
export function unsubscribePage(language: Language, token: string, done: boolean): string {
  const words = WORDS[language];
  const action = `?token=${encodeURIComponent(token)}`;
  const content = done
    ? `<p>${escapeHtml(words.done)}</p>`
    : `<p>${escapeHtml(words.confirm)}</p><form method="post" action="${escapeHtml(action)}">` +
      `<input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">${escapeHtml(words.button)}</button></form>`;
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(words.title)}</title></head><body><h1>${escapeHtml(words.title)}</h1>` +
    `${content}</body></html>`
  );
}
