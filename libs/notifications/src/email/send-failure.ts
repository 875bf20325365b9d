const REASON_LENGTH = 255;

/** Why a send failed, fit to store and log, and whether trying again could help. */
export interface SendFailure {
  /** The relay refused this message for good (SMTP 5xx): retrying would be refused again. */
  permanent: boolean;
  reason: string;
}

interface TransportError {
  code?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
  message?: unknown;
}

/**
 * Reads a transport error. Relays quote the recipient's address in their replies
 * (`550 5.1.1 <someone@example.vn>: unknown user`): addresses are replaced, so the reason can be
 * logged and shown to operators.
 */
export function describeSendFailure(error: unknown): SendFailure {
  const found = (typeof error === 'object' && error !== null ? error : {}) as TransportError;
  const code = typeof found.code === 'string' ? found.code : 'ERROR';
  const status = typeof found.responseCode === 'number' ? ` ${found.responseCode}` : '';
  const message = typeof found.message === 'string' ? found.message : String(error);
  const reason = `${code}${status}: ${message}`
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .replace(/\s+/g, ' ')
    .slice(0, REASON_LENGTH);
  return { permanent: found.permanent === true, reason };
}
