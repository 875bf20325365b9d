import { Module } from '@nestjs/common';
import { CertificatesModule } from './certificates.module';
import { IssueCertificateJob } from './issue/issue-certificate.job';

/** The `certificates.issue` handler on the documents queue (worker only). */
@Module({
  imports: [CertificatesModule],
  providers: [IssueCertificateJob],
})
export class CertificatesWorkerModule {}
