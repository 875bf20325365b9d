import { AppConfig, type OidcProviderSettings } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { SignInFlow } from './sign-in-flows.service';
import { SsoFailure } from './sso-failure';

/** Who the provider says signed in, after every check passed. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** Only a literal `email_verified: true` counts. */
  emailVerified: boolean;
  name: string | null;
}

/** Seconds a provider has to answer one request (discovery, token, keys, userinfo). */
const PROVIDER_TIMEOUT_SECONDS = 10;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * The configured OpenID Connect providers, through openid-client: discovery (cached per
 * provider), the authorization URL with PKCE (S256), state and nonce, and the code exchange
 * with every check on the ID token: signature by the provider's published keys (fetched again
 * when a token names a key not seen before, so rotation is picked up), issuer, audience,
 * expiry, nonce; `alg: none` and unexpected algorithms are refused.
 */
@Injectable()
export class OidcProviders {
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly config: AppConfig) {}

  /** The providers people may choose, in configured order. */
  list(): { id: string; name: string }[] {
    return this.config.auth.oidcProviders.map(({ id, name }) => ({ id, name }));
  }

  find(providerId: string): OidcProviderSettings | undefined {
    return this.config.auth.oidcProviders.find((provider) => provider.id === providerId);
  }

  /** Where the provider sends the person back; registered with the provider as is. */
  redirectUri(providerId: string): string {
    return `${this.config.http.publicUrl}/api/v1/auth/oidc/${providerId}/callback`;
  }

  /** The provider's authorization URL for this flow (code flow, PKCE S256, state, nonce). */
  async authorizationUrl(provider: OidcProviderSettings, flow: SignInFlow): Promise<string> {
    const configuration = await this.configuration(provider);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(provider.id),
      response_type: 'code',
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /**
   * Exchanges the code in the callback for tokens and checks them against the flow; the email
   * and name come from the ID token, else from the userinfo endpoint (many providers put them
   * only there). Throws {@link SsoFailure} `token` or `unavailable`.
   */
  async identify(
    provider: OidcProviderSettings,
    callbackQuery: string,
    flow: SignInFlow,
  ): Promise<ProviderIdentity> {
    const configuration = await this.configuration(provider);
    const callback = new URL(this.redirectUri(provider.id));
    callback.search = callbackQuery;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new SsoFailure('token', 'the token response had no ID token');
      const profile: Record<string, unknown> =
        claims.email === undefined && configuration.serverMetadata().userinfo_endpoint
          ? await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)
          : claims;
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: text(profile.email),
        emailVerified: profile.email_verified === true,
        name: text(profile.name) ?? text(profile.preferred_username),
      };
    } catch (error) {
      throw asFailure(error);
    }
  }

  /** Discovery once per provider; a failed one is forgotten so the next sign-in tries again. */
  private configuration(provider: OidcProviderSettings): Promise<oidc.Configuration> {
    let pending = this.discovered.get(provider.id);
    if (!pending) {
      const plainHttp = new URL(provider.issuer).protocol === 'http:';
      pending = oidc
        .discovery(
          new URL(provider.issuer),
          provider.clientId,
          { client_secret: provider.clientSecret },
          oidc.ClientSecretBasic(provider.clientSecret),
          {
            timeout: PROVIDER_TIMEOUT_SECONDS,
            // Plain http is allowed by the config loader only for a provider on this machine.
            execute: [
              oidc.enableNonRepudiationChecks,
              ...(plainHttp ? [oidc.allowInsecureRequests] : []),
            ],
          },
        )
        .catch((error: unknown) => {
          this.discovered.delete(provider.id);
          throw new SsoFailure('unavailable', `discovery failed: ${describe(error)}`);
        });
      this.discovered.set(provider.id, pending);
    }
    return pending;
  }
}

/** The library's message and code only: its errors can carry response bodies with tokens. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}${cause}`;
}

function asFailure(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  // fetch failing (refused, reset, timed out) means the provider is away, not that it lied.
  // (The library's own TypeErrors carry a code; fetch's do not.)
  const unreachable =
    (error instanceof TypeError && (error as { code?: unknown }).code === undefined) ||
    (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name));
  return new SsoFailure(unreachable ? 'unavailable' : 'token', describe(error));
}
