/**
 * Why a single sign-on did not finish, as the web app's sign-in page receives it
 * (`/sign-in?sso=failed&reason=<reason>`) and explains it in the person's language:
 * - `state`: the sign-in was not started here, was already finished, expired, or was tampered with;
 * - `provider`: no such provider is configured;
 * - `denied`: the provider answered with an error (the person cancelled, or it refused);
 * - `token`: the provider's answer did not pass the checks (code, ID token, signature, nonce);
 * - `unavailable`: the provider (or this platform's Redis) could not be reached;
 * - `account`: the account may not sign in (deactivated).
 */
export const SSO_FAILURE_REASONS = [
  'state',
  'provider',
  'denied',
  'token',
  'unavailable',
  'account',
] as const;
export type SsoFailureReason = (typeof SSO_FAILURE_REASONS)[number];

/** A single sign-on that ends on the sign-in page; `detail` is for the log, never the browser. */
export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoFailureReason,
    readonly detail: string,
  ) {
    super(`single sign-on failed (${reason}): ${detail}`);
    this.name = 'SsoFailure';
  }
}
