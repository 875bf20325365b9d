import type { Readable } from 'node:stream';
import { Clock, type Page, type PageQuery } from '@lifelong/common';
import { CourseStaff } from '@lifelong/courses';
import { MediaStorage } from '@lifelong/distance-lessons';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { CertificateError } from '../certificate-error';
import type { CertificateRevocation } from '../certificates/certificate-revocation.entity';
import { certificateStatus, type CertificateStatus } from '../certificates/certificate-status';
import type { Certificate } from '../certificates/certificate.entity';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { IssueCertificate } from '../issue/issue-certificate.service';
import { parseSerial } from '../serial/serial';

/** A certificate with its revocation (if any) and its status now. */
export interface CertificateView {
  certificate: Certificate;
  revocation: CertificateRevocation | null;
  status: CertificateStatus;
}

/** A certificate's PDF, from storage or rendered again when storing never finished. */
export interface CertificatePdf {
  body: Readable | Buffer;
  serial: string;
}

/**
 * Reading certificates: the holder's list, public verification by serial (a malformed serial is
 * refused before any look-up; no cache, so a revocation shows at once), the PDF for the holder
 * or the staff of the course's facility, and the stored credential.
 */
@Injectable()
export class CertificateReads {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly clock: Clock,
    private readonly staff: CourseStaff,
    private readonly storage: MediaStorage,
    private readonly issuing: IssueCertificate,
  ) {}

  /** The caller's certificates, newest first. */
  async mine(userId: string, query: PageQuery): Promise<Page<CertificateView>> {
    const page = await this.certificates.pageOfUser(userId, query);
    const revocations = await this.certificates.revocationsOf(page.items.map((c) => c.id));
    const byId = new Map(revocations.map((revocation) => [revocation.certificateId, revocation]));
    return {
      ...page,
      items: page.items.map((certificate) =>
        this.view(certificate, byId.get(certificate.id) ?? null),
      ),
    };
  }

  /** Anyone may verify a serial (typed any case, with spaces or hyphens). */
  async verify(serialInput: string): Promise<CertificateView> {
    const serial = parseSerial(serialInput);
    if (serial === null) throw CertificateError.serialMalformed();
    const certificate = await this.certificates.findBySerial(serial);
    if (!certificate) throw CertificateError.notFound(serial);
    const revocation = await this.certificates.revocationOf(certificate.id);
    return this.view(certificate, revocation);
  }

  /**
   * The Open Badges 3.0 credential as signed (the VC-JWT), and its payload without the JWT
   * claims: public by serial, like verification.
   */
  /**
   * The Open Badges credential: for its holder and the staff of the course's facility, and for
   * anyone once the holder shared it; otherwise 404, as if there were none.
   */
  async credential(
    principal: Principal | null,
    serialInput: string,
  ): Promise<{ credential: Record<string, unknown>; compactJwsString: string }> {
    const { certificate } = await this.verify(serialInput);
    if (certificate.sharedAt === null && !(await this.mayRead(principal, certificate)))
      throw CertificateError.notFound(certificate.serial);
    const [, payload = ''] = certificate.credential.split('.');
    const {
      iss: _iss,
      jti: _jti,
      ...credential
    } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    return { credential, compactJwsString: certificate.credential };
  }

  /** The holder shares the credential with anyone (or stops); others get 404. */
  async share(
    principal: Principal,
    serialInput: string,
    shared: boolean,
  ): Promise<CertificateView> {
    const view = await this.verify(serialInput);
    if (view.certificate.userId !== principal.userId)
      throw CertificateError.notFound(view.certificate.serial);
    const sharedAt = shared ? (view.certificate.sharedAt ?? this.clock.now()) : null;
    await this.certificates.setShared(view.certificate.id, sharedAt);
    view.certificate.sharedAt = sharedAt;
    return view;
  }

  /** The PDF for its holder or the staff of the course's facility; anyone else gets 404. */
  async pdf(principal: Principal, serialInput: string): Promise<CertificatePdf> {
    const { certificate } = await this.verify(serialInput);
    if (!(await this.mayRead(principal, certificate)))
      throw CertificateError.notFound(certificate.serial);
    const stored = certificate.pdfKey ? await this.storage.read(certificate.pdfKey) : null;
    if (stored) return { body: stored.body, serial: certificate.serial };
    return { body: await this.issuing.storePdf(certificate), serial: certificate.serial };
  }

  /** The holder, and the staff of the course's facility. */
  private async mayRead(principal: Principal | null, certificate: Certificate): Promise<boolean> {
    if (!principal) return false;
    return (
      certificate.userId === principal.userId ||
      this.staff.isAuthor(principal, certificate.facilityId)
    );
  }

  private view(
    certificate: Certificate,
    revocation: CertificateRevocation | null,
  ): CertificateView {
    return {
      certificate,
      revocation,
      status: certificateStatus(certificate, revocation?.revokedAt ?? null, this.clock.now()),
    };
  }
}
