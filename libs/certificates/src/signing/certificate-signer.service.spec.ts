import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  type AppConfig,
  buildConfig,
  certificateKeys,
  ConfigError,
  DEVELOPMENT_CERTIFICATE_KEY,
  validateEnvironment,
} from '@lifelong/common';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { certificateKeys as printKeyPair } from '../../../../apps/cli/src/certificate-keys.command';
import { CertificateSigner } from './certificate-signer.service';

const env = (values: Record<string, string>) => ({
  NODE_ENV: 'development',
  CERTIFICATE_ISSUER_NAME: 'Lifelong',
  ...values,
});

/** The settings the `certificate-keys` command prints, read back as an environment. */
const printedPair = (keyId: string): { signing: Record<string, string>; retired: string } => {
  const lines = printKeyPair([keyId]).split('\n');
  const value = (name: string): string =>
    lines
      .find((line) => line.replace(/^# /, '').startsWith(`${name}=`))!
      .replace(/^(# )?[A-Z_]+=/, '');
  return {
    signing: {
      CERTIFICATE_KEY_ID: value('CERTIFICATE_KEY_ID'),
      CERTIFICATE_SIGNING_KEY: value('CERTIFICATE_SIGNING_KEY'),
    },
    retired: value('CERTIFICATE_PREVIOUS_KEYS'),
  };
};

const signerFor = (values: Record<string, string>): CertificateSigner => {
  const { config, problems } = certificateKeys(env(values));
  expect(problems).toEqual({});
  return new CertificateSigner({ certificates: config! } as unknown as AppConfig);
};

describe('certificate signing keys', () => {
  it('work out of the box with the development key, which production refuses', () => {
    expect(certificateKeys(env({})).config?.signing).toMatchObject({
      keyId: DEVELOPMENT_CERTIFICATE_KEY.keyId,
      development: true,
    });
    expect(certificateKeys(env({ NODE_ENV: 'production' })).problems).toEqual({
      CERTIFICATE_SIGNING_KEY: ['is required in production'],
    });
    expect(
      certificateKeys(
        env({
          NODE_ENV: 'production',
          CERTIFICATE_SIGNING_KEY: DEVELOPMENT_CERTIFICATE_KEY.privateKey,
          CERTIFICATE_KEY_ID: 'prod',
        }),
      ).problems,
    ).toEqual({ CERTIFICATE_SIGNING_KEY: ['is the development key; make a real one'] });
  });

  it('stop a production process that has no key of its own, naming the setting', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(48).toString('base64'),
      ADMIN_PASSWORD: randomBytes(18).toString('base64'),
    };
    expect(() => buildConfig(validateEnvironment(production))).toThrow(ConfigError);
    expect(() => buildConfig(validateEnvironment(production))).toThrow(/CERTIFICATE_SIGNING_KEY/);
    const { signing } = printedPair('prod-1');
    expect(
      buildConfig(validateEnvironment({ ...production, ...signing })).certificates.signing,
    ).toMatchObject({ keyId: 'prod-1', development: false });
  });

  it('refuse a key that is not Ed25519, a missing key id and a malformed retired key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(
      certificateKeys(env({ CERTIFICATE_SIGNING_KEY: rsa, CERTIFICATE_KEY_ID: 'a' })).problems,
    ).toHaveProperty('CERTIFICATE_SIGNING_KEY');
    const { signing } = printedPair('k1');
    expect(
      certificateKeys(env({ CERTIFICATE_SIGNING_KEY: signing.CERTIFICATE_SIGNING_KEY! })).problems,
    ).toHaveProperty('CERTIFICATE_KEY_ID');
    expect(certificateKeys(env({ CERTIFICATE_PREVIOUS_KEYS: 'old=nonsense' })).problems).toEqual({
      CERTIFICATE_PREVIOUS_KEYS: ['"old" must be keyId=<Ed25519 public key, base64 SPKI>'],
    });
  });

  it('sign a VC-JWT that jose verifies with the published JWK, also after a rotation', async () => {
    const first = printedPair('2026-a');
    const second = printedPair('2027-b');
    const before = signerFor(first.signing);
    const jwt = before.signJwt({ type: ['VerifiableCredential'], iss: 'https://lifelong.example' });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', kid: '2026-a', typ: 'vc+jwt' });

    const after = signerFor({ ...second.signing, CERTIFICATE_PREVIOUS_KEYS: first.retired });
    const keys = after.publishedKeys();
    expect(keys.map((key) => key.kid)).toEqual(['2027-b', '2026-a']);
    const { payload } = await jwtVerify(jwt, createLocalJWKSet({ keys }));
    expect(payload).toMatchObject({ type: ['VerifiableCredential'] });
    expect(after.verifies(jwt)).toBe(true);
    expect(after.verifies(after.signJwt({ n: 1 }))).toBe(true);

    const tampered = `${jwt.slice(0, -6)}${jwt.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    expect(after.verifies(tampered)).toBe(false);
    await expect(compactVerify(tampered, createLocalJWKSet({ keys }))).rejects.toThrow();
    // A key no longer published no longer verifies.
    expect(signerFor(second.signing).verifies(jwt)).toBe(false);
  });
});
