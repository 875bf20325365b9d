import { PageQuery } from '@lifelong/common';
import {
  Authenticated,
  CurrentUser,
  OptionalCaller,
  Public,
  type Principal,
  RequireRoles,
} from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { REVOKER_ROLES } from '../policies';
import { CertificateReads } from '../reads/certificate-reads.service';
import { RevokeCertificate } from '../revoke/revoke-certificate.service';
import { displaySerial } from '../serial/serial';
import {
  CredentialDto,
  MyCertificateDto,
  MyCertificatePageDto,
  RevokeCertificateDto,
  ShareCertificateDto,
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
   * The Open Badges 3.0 credential: for its holder and the facility's staff, and for anyone once
   * the holder shared it (`PUT .../sharing`); otherwise 404.
   */
  @Get('certificates/:serial/credential')
  @Public({ identifiesCaller: true })
  @ApiOkResponse({ type: CredentialDto })
  @ApiBadRequestResponse({ description: 'SERIAL_MALFORMED' })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND (also not shared with the caller)' })
  credential(
    @OptionalCaller() principal: Principal | null,
    @Param('serial') serial: string,
  ): Promise<CredentialDto> {
    return this.reads.credential(principal, serial);
  }

  /** The holder shares the credential publicly, or stops sharing it. */
  @Put('certificates/:serial/sharing')
  @Authenticated()
  @ApiOkResponse({ type: MyCertificateDto })
  @ApiNotFoundResponse({ description: "CERTIFICATE_NOT_FOUND (also someone else's)" })
  async share(
    @CurrentUser() principal: Principal,
    @Param('serial') serial: string,
    @Body() body: ShareCertificateDto,
  ): Promise<MyCertificateDto> {
    return MyCertificateDto.from(await this.reads.share(principal, serial, body.shared));
  }

  /** Revokes a certificate, with a reason (admin, or facility admin of the course's facility). */
  @Post('certificates/:serial/revoke')
  @HttpCode(200)
  @RequireRoles(...REVOKER_ROLES)
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
