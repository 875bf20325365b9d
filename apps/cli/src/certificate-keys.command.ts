import { generateKeyPairSync } from 'node:crypto';

/**
 * Prints a new Ed25519 key pair as the settings that use it: the private key and its id for
 * CERTIFICATE_SIGNING_KEY / CERTIFICATE_KEY_ID, and the public half in the form
 * CERTIFICATE_PREVIOUS_KEYS takes once this key is retired. Nothing is written anywhere.
 */
export function certificateKeys(args: string[], now = new Date()): string {
  const keyId = args[0] ?? `key-${now.toISOString().slice(0, 10)}`;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(keyId))
    throw new Error('A key id is letters, digits, . _ - (at most 64)');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = (key: typeof privateKey, type: 'pkcs8' | 'spki'): string =>
    key.export({ format: 'der', type }).toString('base64');
  return [
    '# Certificate signing key: keep the private key secret (a secret store, not the repository).',
    `CERTIFICATE_KEY_ID=${keyId}`,
    `CERTIFICATE_SIGNING_KEY=${der(privateKey, 'pkcs8')}`,
    '# After rotating to a newer key, keep publishing this one so its certificates still verify:',
    `# CERTIFICATE_PREVIOUS_KEYS=${keyId}=${der(publicKey, 'spki')}`,
    '',
  ].join('\n');
}
