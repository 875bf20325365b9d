import { Module } from '@nestjs/common';
import { CertificatesModule } from './certificates.module';
import { CertificateTemplatesController } from './http/certificate-templates.controller';
import { CertificatesController } from './http/certificates.controller';
import { IssuerController } from './http/issuer.controller';
import { VerifyPageController } from './http/verify-page.controller';

/** The certificates routes, the verification page and the issuer document (api only). */
@Module({
  imports: [CertificatesModule],
  controllers: [
    CertificatesController,
    CertificateTemplatesController,
    IssuerController,
    VerifyPageController,
  ],
})
export class CertificatesHttpModule {}
