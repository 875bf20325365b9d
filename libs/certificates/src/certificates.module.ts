import { AuditModule } from '@lifelong/audit';
import { CoursesModule } from '@lifelong/courses';
import { DistanceLessonsModule } from '@lifelong/distance-lessons';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { OrganizationsModule } from '@lifelong/organizations';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateRevocation } from './certificates/certificate-revocation.entity';
import { Certificate } from './certificates/certificate.entity';
import { CertificatesRepository } from './certificates/certificates.repository';
import { IssueCertificate } from './issue/issue-certificate.service';
import { CertificateReads } from './reads/certificate-reads.service';
import { RevokeCertificate } from './revoke/revoke-certificate.service';
import { CertificateSigner } from './signing/certificate-signer.service';
import { IssuerProfile } from './signing/issuer-profile.service';
import { CertificateTemplate } from './templates/certificate-template.entity';
import { CertificateTemplatesRepository } from './templates/certificate-templates.repository';
import { CertificateTemplates } from './templates/certificate-templates.service';

/** What this lib's controllers and job use. */
const SERVICES = [
  CertificateReads,
  CertificateTemplates,
  IssueCertificate,
  IssuerProfile,
  RevokeCertificate,
];

/** Signing stays inside (issuing signs, the issuer document publishes the keys), and the queries. */
const INTERNAL = [CertificateSigner, CertificatesRepository, CertificateTemplatesRepository];

/**
 * Certificates: issuing (once per completed enrollment), signing, PDFs kept in the media
 * storage, templates, verification and revocation. Needs courses, enrollment, identity,
 * distance-lessons' MediaStorage, organizations' global scope binding, Clock and AppConfig.
 */
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    CoursesModule,
    EnrollmentModule,
    OrganizationsModule,
    DistanceLessonsModule,
    TypeOrmModule.forFeature([Certificate, CertificateRevocation, CertificateTemplate]),
  ],
  providers: [...SERVICES, ...INTERNAL],
  exports: SERVICES,
})
export class CertificatesModule {}
