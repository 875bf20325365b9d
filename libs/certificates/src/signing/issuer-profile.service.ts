import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { issuerId } from '../credential/open-badge';
import { CertificateSigner, type PublishedJwk } from './certificate-signer.service';

/** `/.well-known/lifelong/issuer.json`: the issuer's Profile, whose `keys` are a JWK Set. */
export interface IssuerDocument {
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
  /** The current signing key first, then the retired ones still accepted. */
  keys: PublishedJwk[];
}

@Injectable()
export class IssuerProfile {
  constructor(
    private readonly config: AppConfig,
    private readonly signer: CertificateSigner,
  ) {}

  document(): IssuerDocument {
    const { publicUrl } = this.config.http;
    return {
      id: issuerId(publicUrl),
      type: ['Profile'],
      name: this.config.certificates.issuerName,
      url: publicUrl,
      keys: this.signer.publishedKeys(),
    };
  }
}
