import { Public } from '@lifelong/identity';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IssuerProfile } from '../signing/issuer-profile.service';
import { IssuerDto } from './certificate.dto';

/** The issuer's public keys, so anyone verifies a credential offline. */
@ApiTags('certificates')
@Controller('.well-known/lifelong')
export class IssuerController {
  constructor(private readonly issuer: IssuerProfile) {}

  @Get('issuer.json')
  @Public()
  @Header('access-control-allow-origin', '*')
  @ApiOkResponse({ type: IssuerDto })
  document(): IssuerDto {
    return this.issuer.document();
  }
}
