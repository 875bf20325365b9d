/**
 * Certificates: one per completed enrollment, issued by the worker (`certificates.issue` on
 * the documents queue, from `enrollment.completed`) with a short serial carrying a check
 * symbol, a PDF (A4 landscape, Vietnamese font embedded, QR code of the public verification
 * page) kept in the media storage, and an Open Badges 3.0 credential signed with Ed25519
 * (VC-JWT). Verification is public; revocation needs a reason and is audited.
 *
 * Import {@link CertificatesModule} for the services; the api adds
 * {@link CertificatesHttpModule}, the worker {@link CertificatesWorkerModule}.
 */

/** The services behind the routes and the issuing job; no other domain imports them. */
export { CertificatesModule } from './certificates.module';
/** The routes, the `/verify/{serial}` page and `/.well-known/lifelong/issuer.json` (api only). */
export { CertificatesHttpModule } from './certificates.http.module';
/** The `certificates.issue` job (worker only). */
export { CertificatesWorkerModule } from './certificates.worker.module';

/** Why the domain refused something, and its codes. */
export { CertificateError, type CertificateErrorCode } from './certificate-error';
/** The certificate row (one per enrollment) and its revocation (the audit). */
export { Certificate } from './certificates/certificate.entity';
export { CertificateRevocation } from './certificates/certificate-revocation.entity';
export { CertificateTemplate } from './templates/certificate-template.entity';
/** Statuses, computed from the Clock when read (pure). */
export {
  CERTIFICATE_STATUSES,
  type CertificateStatus,
  certificateStatus,
} from './certificates/certificate-status';
/** Serials: make, parse (normalize + check symbol), show grouped (pure). */
export { displaySerial, newSerial, parseSerial, SERIAL_ALPHABET } from './serial/serial';

/** Issuing once per enrollment, and the PDF key in storage. */
export { IssueCertificate, type IssueOutcome, pdfKeyOf } from './issue/issue-certificate.service';
/** The holder's list, public verification, PDFs. */
export { CertificateReads, type CertificateView } from './reads/certificate-reads.service';
/** Revoking with a reason. */
export { RevokeCertificate } from './revoke/revoke-certificate.service';
/** Templates per facility or course, and their placeholders. */
export {
  CertificateTemplates,
  type TemplateInput,
  type TemplateScope,
} from './templates/certificate-templates.service';
export { PLACEHOLDERS, type Placeholder } from './templates/placeholders';
/** Rendering (pure but for the font files): the default template and one certificate's PDF. */
export {
  type CertificatePrint,
  DEFAULT_TEMPLATE,
  renderCertificate,
  type TemplateText,
} from './pdf/render-certificate';
/** Signing (Ed25519, VC-JWT) and the published keys; the issuer document. */
export { CertificateSigner, type PublishedJwk } from './signing/certificate-signer.service';
export { type IssuerDocument, IssuerProfile } from './signing/issuer-profile.service';
/** The Open Badges 3.0 credential of a certificate (pure). */
export {
  CREDENTIAL_CONTEXTS,
  type CredentialFacts,
  issuerId,
  openBadgeCredential,
  verificationUrl,
} from './credential/open-badge';
