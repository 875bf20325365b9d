import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CertificateTemplate } from './certificate-template.entity';

/** Certificate templates, one per facility or course (`scopeId`). */
@Injectable()
export class CertificateTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<CertificateTemplate | null> {
    return this.dataSource.getRepository(CertificateTemplate).findOneBy({ id });
  }

  /** The template of one facility or course. */
  findByScope(scopeId: string): Promise<CertificateTemplate | null> {
    return this.dataSource.getRepository(CertificateTemplate).findOneBy({ scopeId });
  }

  /** The templates of these scopes (a course's and its facility's), in no order. */
  ofScopes(
    scopeIds: readonly [string, string],
    manager?: EntityManager,
  ): Promise<CertificateTemplate[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(CertificateTemplate)
      .find({ where: scopeIds.map((scopeId) => ({ scopeId })) });
  }

  /** A facility's templates (its own and its courses'), the facility's own first. */
  listOfFacility(facilityId: string): Promise<CertificateTemplate[]> {
    return this.dataSource
      .getRepository(CertificateTemplate)
      .find({ where: { facilityId }, order: { courseId: 'ASC' } });
  }

  async insert(template: CertificateTemplate): Promise<void> {
    await this.dataSource.getRepository(CertificateTemplate).insert(template);
  }

  async save(template: CertificateTemplate): Promise<void> {
    await this.dataSource.getRepository(CertificateTemplate).save(template);
  }
}
