import { isNotificationKind, type NotificationData } from '../kinds/notification-kind';
import { type Language, languageOf } from './language';
import type { NotificationText } from './notification-text';
import { NOTIFICATION_TEMPLATES, pickTemplate, type TemplateLinks } from './notification-templates';
import { TemplateVars } from './template-vars';

/** Who reads the notification: their locale (any; unknown ones read Vietnamese) and time zone. */
export interface Reader {
  locale: string | null;
  timeZone: string;
}

export interface RenderedNotification {
  language: Language;
  text: NotificationText;
  /** Variables the template wanted but the data lacked (names only: log these, not values). */
  missing: string[];
}

const UNKNOWN_KIND: Record<Language, NotificationText> = {
  vi: { title: 'Bạn có thông báo mới', body: 'Mở Lifelong để xem chi tiết.' },
  en: { title: 'You have a new notification', body: 'Open Lifelong to see the details.' },
};

/**
 * A notification in the reader's language: their translation when there is one, Vietnamese
 * otherwise. Never throws on bad data: absent variables get a generic phrasing.
 */
export function renderNotification(
  kind: string,
  data: NotificationData,
  reader: Reader,
  links: TemplateLinks,
): RenderedNotification {
  const language = languageOf(reader.locale);
  if (!isNotificationKind(kind))
    return { language, text: UNKNOWN_KIND[language], missing: ['kind'] };
  const picked = pickTemplate(NOTIFICATION_TEMPLATES[kind], language);
  const vars = new TemplateVars(data, picked.language, reader.timeZone);
  return { language: picked.language, text: picked.template(vars, links), missing: vars.missing };
}
