import type { NotificationData } from '../kinds/notification-kind';
import type { Language } from './language';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * A template's view of a notification's data. Every lookup of a value that is absent (or blank,
 * or not a valid time) returns undefined and is remembered, so the template picks a phrasing
 * without it and the caller can log which variable was missing — never `undefined` in a message.
 */
export class TemplateVars {
  private readonly absent = new Set<string>();

  constructor(
    private readonly data: NotificationData,
    readonly language: Language,
    private readonly timeZone: string,
  ) {}

  /** Names of the variables looked up but absent, in lookup order. */
  get missing(): string[] {
    return [...this.absent];
  }

  text(name: string): string | undefined {
    const value = this.data[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.absent.add(name);
    return undefined;
  }

  /** `“value”` (typographic quotes, both languages), or undefined when absent. */
  quoted(name: string): string | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : `“${value}”`;
  }

  /** An ISO time shown in the reader's time zone and language: `19:30 30/11/2026`. */
  time(name: string): string | undefined {
    const value = this.text(name);
    const at = value === undefined ? NaN : Date.parse(value);
    if (Number.isNaN(at)) {
      this.absent.add(name);
      return undefined;
    }
    return new Intl.DateTimeFormat(LOCALES[this.language], {
      timeZone: this.timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  }
}

/** A whole number as people of this language write it: 9.980 (vi), 9,980 (en). */
export const formatCount = (count: number, language: Language): string =>
  new Intl.NumberFormat(LOCALES[language]).format(count);
