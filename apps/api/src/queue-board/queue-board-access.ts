import { CommonError, type DomainError } from '@lifelong/common';
import { isPlatformAdmin, type Principal } from '@lifelong/identity';

/** Where Bull Board is served, and the cookie that lets a browser navigate there. */
export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'lifelong_queue_board';

/** What checks an access token (identity's AccessTokenService). */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Principal>;
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Decides a Bull Board request: a Bearer token (API clients) or the board cookie (browsers,
 * which cannot send a header when navigating). Returns the refusal, or undefined to let it in.
 */
export async function refuseQueueBoardAccess(
  request: { headers: { authorization?: string }; cookies: Record<string, string | undefined> },
  verifier: AccessTokenVerifier,
): Promise<DomainError | undefined> {
  const token = bearerToken(request.headers.authorization) ?? request.cookies[QUEUE_BOARD_COOKIE];
  if (!token) {
    return new CommonError('UNAUTHENTICATED', 'Sign in as an administrator', 'unauthenticated');
  }
  const principal = await verifier.verify(token).catch(() => undefined);
  if (!principal) {
    return new CommonError('UNAUTHENTICATED', 'The token is invalid or expired', 'unauthenticated');
  }
  // Only an administrator without a scope sees every queue of the platform.
  return isPlatformAdmin(principal)
    ? undefined
    : new CommonError('FORBIDDEN', 'Only administrators may see the queues', 'forbidden');
}
