import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { isPublishedSecret } from './published-secrets';

/**
 * The development signing key: committed on purpose so certificates work out of the box on a
 * developer's machine and in tests. Production refuses it (and refuses to start without a key).
 * Make a real pair with `node dist/apps/cli/main.js certificate-keys`.
 */
export const DEVELOPMENT_CERTIFICATE_KEY = {
  keyId: 'development',
  privateKey: 'MC4CAQAwBQYDK2VwBCIEIIBdGxYxJSoB+vddftzlfq7OuaE3XMiBYytQ1gf9wkNc',
} as const;

/** One Ed25519 verification key still published (a retired signing key). */
export interface PublishedCertificateKey {
  keyId: string;
  /** SPKI DER, base64. */
  publicKey: string;
}

/** The key certificates are signed with now, and the earlier ones still published. */
export interface CertificateKeysConfig {
  signing: { keyId: string; privateKey: string; development: boolean };
  previous: PublishedCertificateKey[];
  issuerName: string;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A PEM block or bare base64 DER, as a key object of the wanted type (throws when it is not). */
export function readEd25519Key(text: string, type: 'private' | 'public'): KeyObject {
  const trimmed = text.trim();
  const pem = trimmed.startsWith('-----BEGIN');
  const key =
    type === 'private'
      ? createPrivateKey(
          pem ? trimmed : { key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' },
        )
      : createPublicKey(
          pem ? trimmed : { key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' },
        );
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

const base64Der = (key: KeyObject, type: 'pkcs8' | 'spki'): string =>
  key.export({ format: 'der', type }).toString('base64');

/**
 * Reads CERTIFICATE_SIGNING_KEY, CERTIFICATE_KEY_ID and CERTIFICATE_PREVIOUS_KEYS
 * (`kid=base64spki,kid=…`); returns the settings or the problems per key.
 */
export function certificateKeys(env: {
  NODE_ENV: string;
  CERTIFICATE_SIGNING_KEY?: string;
  CERTIFICATE_KEY_ID?: string;
  CERTIFICATE_PREVIOUS_KEYS?: string;
  CERTIFICATE_ISSUER_NAME: string;
}): { config?: CertificateKeysConfig; problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const production = env.NODE_ENV === 'production';
  let signing: CertificateKeysConfig['signing'] | undefined;
  if (!env.CERTIFICATE_SIGNING_KEY) {
    if (production) problems.CERTIFICATE_SIGNING_KEY = ['is required in production'];
    else signing = { ...DEVELOPMENT_CERTIFICATE_KEY, development: true };
  } else {
    try {
      const privateKey = base64Der(readEd25519Key(env.CERTIFICATE_SIGNING_KEY, 'private'), 'pkcs8');
      const development = privateKey === DEVELOPMENT_CERTIFICATE_KEY.privateKey;
      if (development && production)
        problems.CERTIFICATE_SIGNING_KEY = ['is the development key; make a real one'];
      else if (production && isPublishedSecret(privateKey))
        problems.CERTIFICATE_SIGNING_KEY = [
          'is published in the Lifelong repository (docker/compose.yml); make your own pair with `npm run certificate-keys -- <key id>`',
        ];
      if (!env.CERTIFICATE_KEY_ID || !KEY_ID.test(env.CERTIFICATE_KEY_ID))
        problems.CERTIFICATE_KEY_ID = ['must name the signing key (letters, digits, . _ -)'];
      else signing = { keyId: env.CERTIFICATE_KEY_ID, privateKey, development };
    } catch {
      problems.CERTIFICATE_SIGNING_KEY = ['must be an Ed25519 private key (PEM or base64 PKCS#8)'];
    }
  }
  const previous: PublishedCertificateKey[] = [];
  for (const entry of (env.CERTIFICATE_PREVIOUS_KEYS ?? '').split(',').filter((e) => e.trim())) {
    const at = entry.indexOf('=');
    const keyId = entry.slice(0, Math.max(at, 0)).trim();
    const publicKey = entry.slice(at + 1).trim();
    try {
      if (!KEY_ID.test(keyId)) throw new Error('bad key id');
      previous.push({ keyId, publicKey: base64Der(readEd25519Key(publicKey, 'public'), 'spki') });
    } catch {
      (problems.CERTIFICATE_PREVIOUS_KEYS ??= []).push(
        `"${keyId}" must be keyId=<Ed25519 public key, base64 SPKI>`,
      );
    }
  }
  if (signing && previous.some((key) => key.keyId === signing.keyId))
    (problems.CERTIFICATE_PREVIOUS_KEYS ??= []).push('repeats the signing key id');
  return {
    config: signing ? { signing, previous, issuerName: env.CERTIFICATE_ISSUER_NAME } : undefined,
    problems,
  };
}
