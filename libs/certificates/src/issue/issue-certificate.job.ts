import { JobHandler, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CertificateError } from '../certificate-error';
import { IssueCertificate, type IssueOutcome } from './issue-certificate.service';

/**
 * `certificates.issue` on the documents queue, from `enrollment.completed`. Idempotent: the
 * database keeps one certificate per enrollment whatever the job ids. An enrollment that is
 * not completed never will be by retrying (UnrecoverableError); anything else retries.
 */
@Injectable()
export class IssueCertificateJob {
  constructor(private readonly issuing: IssueCertificate) {}

  @JobHandler('certificates.issue')
  async run(payload: JobPayloads['certificates.issue']): Promise<IssueOutcome> {
    try {
      return await this.issuing.issue(payload.enrollmentId);
    } catch (error) {
      if (error instanceof CertificateError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
