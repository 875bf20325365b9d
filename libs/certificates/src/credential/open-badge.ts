/**
 * The Open Badges 3.0 credential of a certificate (an `OpenBadgeCredential`, W3C Verifiable
 * Credentials Data Model 2.0), as pure data. The signer wraps it as a VC-JWT whose payload is
 * this object plus the JWT claims `iss`, `sub` and `jti`.
 */

export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** What a credential states, as it was at issue. */
export interface CredentialFacts {
  certificateId: string;
  serial: string;
  holderName: string;
  courseId: string;
  courseTitle: string;
  facilityId: string;
  facilityName: string;
  hours: number | null;
  issuedAt: Date;
  expiresAt: Date | null;
}

/** Where the issuer lives (absolute URLs start with PUBLIC_URL). */
export interface IssuerFacts {
  publicUrl: string;
  name: string;
}

/** The issuer's Profile id: the document that publishes its keys. */
export const issuerId = (publicUrl: string): string =>
  `${publicUrl}/.well-known/lifelong/issuer.json`;

/** The public page that verifies a serial. */
export const verificationUrl = (publicUrl: string, shownSerial: string): string =>
  `${publicUrl}/verify/${shownSerial}`;

export function openBadgeCredential(
  facts: CredentialFacts,
  issuer: IssuerFacts,
): Record<string, unknown> {
  const description = `Hoàn thành khoá học «${facts.courseTitle}» tại ${facts.facilityName}`;
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: `urn:uuid:${facts.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.courseTitle,
    issuer: {
      id: issuerId(issuer.publicUrl),
      type: ['Profile'],
      name: issuer.name,
      url: issuer.publicUrl,
    },
    validFrom: facts.issuedAt.toISOString(),
    ...(facts.expiresAt ? { validUntil: facts.expiresAt.toISOString() } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: false,
          identityHash: facts.holderName,
        },
      ],
      ...(facts.hours !== null ? { creditsEarned: facts.hours } : {}),
      achievement: {
        id: `${issuer.publicUrl}/api/v1/courses/${facts.courseId}#achievement`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: facts.courseTitle,
        description,
        criteria: { narrative: 'Hoàn thành mọi bài học bắt buộc của khoá học.' },
        creator: {
          id: `urn:uuid:${facts.facilityId}`,
          type: ['Profile'],
          name: facts.facilityName,
        },
      },
    },
    evidence: [
      {
        id: verificationUrl(issuer.publicUrl, facts.serial),
        type: ['Evidence'],
        name: `Số hiệu ${facts.serial}`,
      },
    ],
  };
}
