import { Readable } from 'node:stream';
import { addMonths, AppConfig, Clock, newId } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import { isDuplicateKey, recordEvent, retryOnDeadlock } from '@lifelong/database';
import { MediaStorage } from '@lifelong/distance-lessons';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { UserLookup } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CertificateError } from '../certificate-error';
import { Certificate } from '../certificates/certificate.entity';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { issuerId, openBadgeCredential, verificationUrl } from '../credential/open-badge';
import { renderCertificate } from '../pdf/render-certificate';
import { displaySerial, newSerial } from '../serial/serial';
import { CertificateSigner } from '../signing/certificate-signer.service';
import { CertificateTemplates } from '../templates/certificate-templates.service';

/** What one run of issuing did. */
export interface IssueOutcome {
  certificateId: string;
  serial: string;
  /** False when an earlier run had already issued it (this run only finished what was missing). */
  created: boolean;
}

/** Where a certificate's PDF is kept in the media storage. */
export const pdfKeyOf = (certificateId: string): string =>
  `certificates/${certificateId.toLowerCase()}.pdf`;

/**
 * Issues the certificate of a completed enrollment, exactly once however often it runs: the
 * row (unique per enrollment, inserted under the enrollment's row lock), its signed credential
 * and the `certificate.issued` outbox event commit together; the PDF is rendered and stored
 * afterwards, and a rerun (a killed worker, a redelivered event) finds the row and only stores
 * the PDF when it is still missing.
 */
@Injectable()
export class IssueCertificate {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly signer: CertificateSigner,
    private readonly templates: CertificateTemplates,
    private readonly storage: MediaStorage,
    private readonly enrollments: EnrollmentLookup,
    private readonly courses: CourseOutline,
    private readonly facilities: FacilityDirectory,
    private readonly people: UserLookup,
  ) {}

  async issue(enrollmentId: string): Promise<IssueOutcome> {
    const { certificate, created } = await this.recordOnce(enrollmentId);
    if (certificate.pdfKey === null) await this.storePdf(certificate);
    return { certificateId: certificate.id, serial: certificate.serial, created };
  }

  /** Renders the certificate's PDF and keeps it in storage (whole, or not at all). */
  async storePdf(certificate: Certificate): Promise<Buffer> {
    const pdf = await this.render(certificate);
    const key = pdfKeyOf(certificate.id);
    await this.storage.write(key, Readable.from([pdf]), 'application/pdf');
    await this.certificates.setPdfKey(certificate.id, key);
    certificate.pdfKey = key;
    return pdf;
  }

  /** The PDF of a certificate as it prints now (its template as saved). */
  async render(certificate: Certificate): Promise<Buffer> {
    const template = await this.templates.byId(certificate.templateId);
    const serial = displaySerial(certificate.serial);
    return renderCertificate(template, {
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      facilityName: certificate.facilityName,
      hours: certificate.hours,
      issuedAt: certificate.issuedAt,
      expiresAt: certificate.expiresAt,
      serial,
      verifyUrl: verificationUrl(this.config.http.publicUrl, serial),
    });
  }

  private recordOnce(
    enrollmentId: string,
  ): Promise<{ certificate: Certificate; created: boolean }> {
    // The insert's foreign-key checks take shared locks on the course and holder rows, which a
    // completion elsewhere in the same course may hold: a deadlock victim runs again. A
    // duplicate means another run won the race (or, once in 2^65, the serial was taken): look
    // again, and insert only if there is still no certificate.
    return retryOnDeadlock(
      async () => {
        const existing = await this.certificates.findByEnrollment(enrollmentId);
        if (existing) return { certificate: existing, created: false };
        return this.certificates.transaction((manager) => this.insert(manager, enrollmentId));
      },
      { orWhen: (error) => isDuplicateKey(error) },
    );
  }

  private async insert(
    manager: EntityManager,
    enrollmentId: string,
  ): Promise<{ certificate: Certificate; created: boolean }> {
    const enrollment = await this.enrollments.lockCompleted(manager, enrollmentId);
    if (!enrollment)
      throw new CertificateError(
        'ENROLLMENT_NOT_COMPLETED',
        'Only a completed enrollment earns a certificate',
        { enrollmentId },
      );
    const already = await this.certificates.findByEnrollment(enrollmentId, manager);
    if (already) return { certificate: already, created: false };
    // Course, facility and holder cannot go while their enrollment is locked (foreign keys).
    const course = await this.courses.course(enrollment.courseId, manager);
    const facility = course && (await this.facilities.card(course.facilityId));
    const [holder] = await this.people.contacts([enrollment.userId]);
    if (!course || !facility || !holder)
      throw new Error(`Enrollment ${enrollmentId} lost its course, facility or holder`);
    const template = await this.templates.forCourse(course.courseId, facility.id, manager);

    const issuedAt = this.clock.now();
    const achievedAt = enrollment.completedAt ?? issuedAt;
    const certificate = Object.assign(new Certificate(), {
      id: newId(),
      serial: newSerial(),
      enrollmentId,
      userId: enrollment.userId,
      courseId: course.courseId,
      facilityId: facility.id,
      templateId: template.id,
      holderName: holder.fullName.normalize('NFC'),
      courseTitle: course.title,
      facilityName: facility.name,
      hours: course.hours,
      issuedAt,
      expiresAt: course.validityMonths ? addMonths(achievedAt, course.validityMonths) : null,
      keyId: this.signer.keyId,
      pdfKey: null,
      sharedAt: null,
    } satisfies Omit<Certificate, 'credential'>);
    certificate.credential = this.signCredential(certificate);
    await this.certificates.insert(manager, certificate);
    await recordEvent(manager, 'certificate.issued', {
      certificateId: certificate.id,
      // As people read it (and as every route shows it): the inbox, emails and assignments.
      serial: displaySerial(certificate.serial),
      userId: certificate.userId,
      enrollmentId,
      courseId: course.courseId,
      courseTitle: course.title,
      issuedAt: issuedAt.toISOString(),
      expiresAt: certificate.expiresAt?.toISOString() ?? null,
    });
    return { certificate, created: true };
  }

  /** The Open Badges 3.0 credential as a VC-JWT under the current key. */
  private signCredential(certificate: Certificate): string {
    const { publicUrl } = this.config.http;
    const credential = openBadgeCredential(
      { ...certificate, certificateId: certificate.id, serial: displaySerial(certificate.serial) },
      { publicUrl, name: this.config.certificates.issuerName },
    );
    return this.signer.signJwt({
      ...credential,
      iss: issuerId(publicUrl),
      jti: credential.id,
    });
  }
}
