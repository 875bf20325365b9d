import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CertificateRevocation } from './certificate-revocation.entity';
import { Certificate } from './certificate.entity';

/** Certificates and their revocations. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A holder's certificates, newest first. */
  async pageOfUser(userId: string, query: PageQuery): Promise<Page<Certificate>> {
    const [certificates, total] = await this.dataSource.getRepository(Certificate).findAndCount({
      where: { userId },
      order: { issuedAt: 'DESC', id: 'DESC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(certificates, total, query);
  }

  findBySerial(serial: string): Promise<Certificate | null> {
    return this.dataSource.getRepository(Certificate).findOneBy({ serial });
  }

  /** Locks the certificate row (`FOR UPDATE`) for the rest of the transaction. */
  lockBySerial(manager: EntityManager, serial: string): Promise<Certificate | null> {
    return manager
      .getRepository(Certificate)
      .findOne({ where: { serial }, lock: { mode: 'pessimistic_write' } });
  }

  /** The enrollment's certificate (one at most: unique per enrollment). */
  findByEnrollment(enrollmentId: string, manager?: EntityManager): Promise<Certificate | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(Certificate)
      .findOneBy({ enrollmentId });
  }

  async insert(manager: EntityManager, certificate: Certificate): Promise<void> {
    await manager.getRepository(Certificate).insert(certificate);
  }

  async setShared(id: string, sharedAt: Date | null): Promise<void> {
    await this.dataSource.getRepository(Certificate).update({ id }, { sharedAt });
  }

  async setPdfKey(id: string, pdfKey: string): Promise<void> {
    await this.dataSource.getRepository(Certificate).update({ id }, { pdfKey });
  }

  revocationOf(
    certificateId: string,
    manager?: EntityManager,
  ): Promise<CertificateRevocation | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(CertificateRevocation)
      .findOneBy({ certificateId });
  }

  /** The revocations among these certificates (absent ones were not revoked). */
  async revocationsOf(certificateIds: readonly string[]): Promise<CertificateRevocation[]> {
    if (certificateIds.length === 0) return [];
    return this.dataSource
      .getRepository(CertificateRevocation)
      .createQueryBuilder('revocation')
      .where('revocation.certificateId IN (:...ids)', { ids: certificateIds })
      .getMany();
  }

  async insertRevocation(manager: EntityManager, revocation: CertificateRevocation): Promise<void> {
    await manager.getRepository(CertificateRevocation).insert(revocation);
  }
}
