import type { Language } from '../templates/language';
import type { EmailContent } from './email-layout';

/** One message to one person, ready to go. */
export interface OutgoingEmail extends EmailContent {
  to: { name: string; address: string };
  language: Language;
  /** The same on every attempt, so a receiving system can tell a resend from a new message. */
  messageId: string;
  /**
   * Also sent as `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058 one-click). Absent on
   * transactional emails (invitations, password resets), which no preference turns off.
   */
  unsubscribeUrl?: string;
}

/**
 * The way out to the mail system (an adapter: tests and other transports replace exactly this).
 * `send` resolves once the message is accepted (by the SMTP relay, or written to disk) and
 * rejects with the transport's error otherwise.
 */
export abstract class Mailer {
  abstract send(email: OutgoingEmail): Promise<void>;
}
