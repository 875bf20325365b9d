import { AuditLog } from '@lifelong/audit';
import { Clock } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { CertificateError } from '../certificate-error';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { CertificateReads, type CertificateView } from '../reads/certificate-reads.service';
import { REVOKER_ROLES } from '../policies';
import { parseSerial } from '../serial/serial';

/**
 * Revoking: an admin, or a facility admin of the course's facility, with a reason; one
 * revocation per certificate, so a second is a 409. The audit log records it in the same
 * transaction.
 */
@Injectable()
export class RevokeCertificate {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
    private readonly reads: CertificateReads,
    private readonly audit: AuditLog,
  ) {}

  async revoke(
    principal: Principal,
    serialInput: string,
    reason: string,
  ): Promise<CertificateView> {
    const serial = parseSerial(serialInput);
    if (serial === null) throw CertificateError.serialMalformed();
    await this.certificates.transaction(async (manager) => {
      const certificate = await this.certificates.lockBySerial(manager, serial);
      if (!certificate) throw CertificateError.notFound(serial);
      await this.access.assertCovers(principal, REVOKER_ROLES, {
        scopeType: 'facility',
        scopeId: certificate.facilityId,
      });
      const earlier = await this.certificates.revocationOf(certificate.id, manager);
      if (earlier)
        throw new CertificateError(
          'CERTIFICATE_ALREADY_REVOKED',
          'This certificate is already revoked',
          { revokedAt: earlier.revokedAt.toISOString() },
        );
      await this.certificates.insertRevocation(manager, {
        certificateId: certificate.id,
        revokedBy: principal.userId,
        revokedAt: this.clock.now(),
        reason: reason.trim(),
      });
      await this.audit.record(manager, {
        action: 'certificate.revoked',
        subjectType: 'certificate',
        subjectId: certificate.id,
        details: { serial, reason: reason.trim(), holderId: certificate.userId },
        place: { facilityId: certificate.facilityId, userId: certificate.userId },
      });
    });
    return this.reads.verify(serial);
  }
}
