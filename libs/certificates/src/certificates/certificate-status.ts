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
