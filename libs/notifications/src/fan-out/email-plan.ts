import { isEmail } from 'class-validator';
import type { Recipient } from '../recipients/recipient-directory.service';

/** Why a person gets no email for an event (stored as the delivery's reason). */
export type SkipReason = 'email_off' | 'no_email' | 'invalid_email';

/** What happens on the email channel: send now, wait for the digest, or nothing (and why). */
export type EmailPlan =
  { status: 'pending' } | { status: 'digest' } | { status: 'skipped'; reason: SkipReason };

/**
 * The email channel for one recipient. The inbox entry is written whatever this says; an
 * account without a usable address (imported staff may have none, or a malformed one) is
 * recorded as skipped, never sent to.
 */
export function planEmail(
  recipient: Pick<Recipient, 'email' | 'emailEnabled' | 'digest'>,
): EmailPlan {
  if (!recipient.emailEnabled) return { status: 'skipped', reason: 'email_off' };
  const address = recipient.email.trim();
  // `.invalid` never resolves (RFC 2606): the placeholder of an account whose single sign-on
  // provider gave no verified address.
  if (address === '' || /\.invalid$/i.test(address))
    return { status: 'skipped', reason: 'no_email' };
  if (!isEmail(address)) return { status: 'skipped', reason: 'invalid_email' };
  return recipient.digest === 'daily' ? { status: 'digest' } : { status: 'pending' };
}
