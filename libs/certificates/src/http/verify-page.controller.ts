import { Public } from '@lifelong/identity';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CertificateError } from '../certificate-error';
import { CertificateReads } from '../reads/certificate-reads.service';
import { verificationFailedPage, verificationPage } from './verify-page';

/** The page a certificate's QR code opens: no login, no script, vi with English glosses. */
@ApiTags('certificates')
@Controller('verify')
export class VerifyPageController {
  constructor(private readonly reads: CertificateReads) {}

  @Get(':serial')
  @Public()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'valid, expired or revoked, with holder, course and dates' })
  async page(@Param('serial') serial: string, @Res() reply: FastifyReply): Promise<void> {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store');
    try {
      await reply.status(200).send(verificationPage(await this.reads.verify(serial)));
    } catch (error) {
      if (!(error instanceof CertificateError)) throw error;
      const malformed = error.code === 'SERIAL_MALFORMED';
      await reply.status(malformed ? 400 : 404).send(verificationFailedPage(malformed));
    }
  }
}
