import { createHmac } from 'node:crypto';

const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');

/**
 * Builds a JWT by hand, so tests can forge what a library would refuse to produce:
 * `alg: none`, another key, another algorithm, a tampered payload.
 */
export function forgeJwt(
  header: { alg: string; typ?: string },
  payload: object,
  secret?: string,
): string {
  const signingInput = `${encode({ typ: 'JWT', ...header })}.${encode(payload)}`;
  if (secret === undefined) return `${signingInput}.`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[header.alg] ?? 'sha256';
  return `${signingInput}.${createHmac(hash, secret).update(signingInput).digest('base64url')}`;
}

/** The claims of a JWT, unverified. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
