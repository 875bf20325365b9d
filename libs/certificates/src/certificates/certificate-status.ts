/** A certificate as a verifier sees it, now. */
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Revoked wins over expired; expired from the moment `expiresAt` is reached. */
export function certificateStatus(
  certificate: { expiresAt: Date | null },
  revokedAt: Date | null,
  now: Date,
): CertificateStatus {
  if (revokedAt) return 'revoked';
  if (certificate.expiresAt && certificate.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/**
 * `months` calendar months after `from` (UTC), clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from);
  const day = from.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
