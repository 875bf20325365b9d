import { AuditLog } from '@lifelong/audit';
import { Clock } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CertificateError } from '../certificate-error';
import { CertificateRevocation } from '../certificates/certificate-revocation.entity';
import { Certificate } from '../certificates/certificate.entity';
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
    private readonly dataSource: DataSource,
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
    await this.dataSource.transaction(async (manager) => {
      const certificate = await manager
        .getRepository(Certificate)
        .findOne({ where: { serial }, lock: { mode: 'pessimistic_write' } });
      if (!certificate) throw CertificateError.notFound(serial);
      await this.access.assertCovers(principal, REVOKER_ROLES, {
        scopeType: 'facility',
        scopeId: certificate.facilityId,
      });
      const revocations = manager.getRepository(CertificateRevocation);
      const earlier = await revocations.findOneBy({ certificateId: certificate.id });
      if (earlier)
        throw new CertificateError(
          'CERTIFICATE_ALREADY_REVOKED',
          'This certificate is already revoked',
          { revokedAt: earlier.revokedAt.toISOString() },
        );
      await revocations.insert({
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
