import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { AppConfig, readEd25519Key } from '@lifelong/common';
import { Injectable } from '@nestjs/common';

/** A published verification key, as a JWK (RFC 8037: OKP, Ed25519). */
export interface PublishedJwk {
  kid: string;
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  alg: 'EdDSA';
  use: 'sig';
}

const base64url = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64url');

/**
 * Signs certificates with the configured Ed25519 key as compact JWS (VC-JWT: header
 * `{ alg: 'EdDSA', kid, typ: 'vc+jwt' }`), and publishes the current and retired public keys,
 * so a certificate signed before a key rotation still verifies.
 */
@Injectable()
export class CertificateSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKeys = new Map<string, KeyObject>();
  readonly keyId: string;

  constructor(config: AppConfig) {
    const { signing, previous } = config.certificates;
    this.keyId = signing.keyId;
    this.privateKey = readEd25519Key(signing.privateKey, 'private');
    this.publicKeys.set(signing.keyId, createPublicKey(this.privateKey));
    for (const key of previous)
      this.publicKeys.set(key.keyId, readEd25519Key(key.publicKey, 'public'));
  }

  /** A compact JWS of `payload` under the current key. */
  signJwt(payload: object): string {
    const header = base64url(JSON.stringify({ alg: 'EdDSA', kid: this.keyId, typ: 'vc+jwt' }));
    const body = base64url(JSON.stringify(payload));
    const signature = sign(null, Buffer.from(`${header}.${body}`), this.privateKey);
    return `${header}.${body}.${base64url(signature)}`;
  }

  /** True when `jwt` carries a valid signature by one of the published keys. */
  verifies(jwt: string): boolean {
    const [header = '', body = '', signature = ''] = jwt.split('.');
    try {
      const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as {
        kid?: string;
        alg?: string;
      };
      const key = kid === undefined ? undefined : this.publicKeys.get(kid);
      if (!key || alg !== 'EdDSA') return false;
      return verify(
        null,
        Buffer.from(`${header}.${body}`),
        key,
        Buffer.from(signature, 'base64url'),
      );
    } catch {
      return false;
    }
  }

  /** Every key a verifier may meet: the current one first. */
  publishedKeys(): PublishedJwk[] {
    return [...this.publicKeys].map(([kid, key]) => ({
      kid,
      kty: 'OKP',
      crv: 'Ed25519',
      x: String(key.export({ format: 'jwk' }).x),
      alg: 'EdDSA',
      use: 'sig',
    }));
  }
}
