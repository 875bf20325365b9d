import { PageQuery } from '@lifelong/common';
import {
  Authenticated,
  CurrentUser,
  Public,
  type Principal,
  RequireRoles,
} from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CertificateReads } from '../reads/certificate-reads.service';
import { RevokeCertificate } from '../revoke/revoke-certificate.service';
import { displaySerial } from '../serial/serial';
import {
  CredentialDto,
  MyCertificateDto,
  MyCertificatePageDto,
  RevokeCertificateDto,
  VerificationDto,
} from './certificate.dto';

@ApiTags('certificates')
@Controller('api/v1')
export class CertificatesController {
  constructor(
    private readonly reads: CertificateReads,
    private readonly revocations: RevokeCertificate,
  ) {}

  /** The caller's certificates, newest first. */
  @Get('me/certificates')
  @Authenticated()
  @ApiOkResponse({ type: MyCertificatePageDto })
  async mine(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<MyCertificatePageDto> {
    const page = await this.reads.mine(principal.userId, query);
    return { ...page, items: page.items.map((view) => MyCertificateDto.from(view)) };
  }

  /** Verifies a serial (any case; spaces and hyphens allowed). No login. */
  @Get('verify/:serial')
  @Public()
  @ApiOkResponse({ type: VerificationDto })
  @ApiBadRequestResponse({ description: 'SERIAL_MALFORMED: the check character fails' })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  async verify(@Param('serial') serial: string): Promise<VerificationDto> {
    return VerificationDto.from(await this.reads.verify(serial));
  }

  /** The certificate as a PDF: for its holder and the staff of the course's facility. */
  @Get('certificates/:serial/pdf')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF (A4 landscape)' })
  @ApiNotFoundResponse({ description: "CERTIFICATE_NOT_FOUND (also someone else's)" })
  async pdf(
    @CurrentUser() principal: Principal,
    @Param('serial') serial: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.reads.pdf(principal, serial);
    await reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="certificate-${displaySerial(pdf.serial)}.pdf"`,
      )
      .header('cache-control', 'private, no-store')
      .send(pdf.body);
  }

  /**
   * The Open Badges 3.0 credential. Public by serial, like verification: a holder shares a
   * certificate by sharing its serial, and the credential says nothing verification does not.
   */
  @Get('certificates/:serial/credential')
  @Public()
  @ApiOkResponse({ type: CredentialDto })
  @ApiBadRequestResponse({ description: 'SERIAL_MALFORMED' })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  credential(@Param('serial') serial: string): Promise<CredentialDto> {
    return this.reads.credential(serial);
  }

  /** Revokes a certificate, with a reason (admin, or facility admin of the course's facility). */
  @Post('certificates/:serial/revoke')
  @HttpCode(200)
  @RequireRoles('facility_admin', 'admin')
  @ApiOkResponse({ type: VerificationDto })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CERTIFICATE_ALREADY_REVOKED' })
  async revoke(
    @CurrentUser() principal: Principal,
    @Param('serial') serial: string,
    @Body() body: RevokeCertificateDto,
  ): Promise<VerificationDto> {
    return VerificationDto.from(await this.revocations.revoke(principal, serial, body.reason));
  }
}
