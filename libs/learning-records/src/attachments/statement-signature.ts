import { base64url, compactVerify, decodeProtectedHeader, importX509 } from 'jose';
import type { JsonObject } from '../statements/statement-rules';
import { LearningRecordsError } from '../learning-records-error';

/** The algorithms xAPI allows a statement signature (Data 2.6). */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

const refused = (at: string, problem: string): LearningRecordsError =>
  new LearningRecordsError('ATTACHMENT_INVALID', `${at}: the signature ${problem}`, { path: at });

/**
 * Checks a statement's signature (xAPI 2.0, Data 2.6): a JWS in compact serialization, signed
 * with RS256, RS384 or RS512, whose payload is the statement as it was before it was signed
 * (`matches`). When its header carries the signer's certificate (`x5c`), the signature must
 * verify with that certificate's key; without one there is no key to verify with, and the
 * store keeps the signature for whoever knows the signer.
 */
export async function checkSignature(
  jws: Buffer,
  matches: (payload: JsonObject) => boolean,
  at: string,
): Promise<void> {
  const token = jws.toString('ascii').trim();
  const segments = token.split('.');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    if (segments.length !== 3) throw new Error('not three segments');
    header = decodeProtectedHeader(token);
  } catch {
    throw refused(at, 'is not a JWS in compact serialization');
  }
  if (!header.alg || !ALGORITHMS.has(header.alg))
    throw refused(at, 'must use RS256, RS384 or RS512');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(base64url.decode(segments[1] as string)).toString('utf8'));
  } catch {
    throw refused(at, 'payload is not JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw refused(at, 'payload is not a statement');
  if (!matches(payload as JsonObject)) throw refused(at, 'payload is not this statement');
  const certificate = header.x5c?.[0];
  if (certificate === undefined) return;
  try {
    const key = await importX509(
      `-----BEGIN CERTIFICATE-----\n${certificate}\n-----END CERTIFICATE-----`,
      header.alg,
    );
    await compactVerify(token, key);
  } catch {
    throw refused(at, 'does not verify with the certificate in its header');
  }
}
