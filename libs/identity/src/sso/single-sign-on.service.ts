import { createHash, timingSafeEqual } from 'node:crypto';
import { Clock, type OidcProviderSettings } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import * as oidc from 'openid-client';
import { IdentityError } from '../identity-error';
import { SessionsService, type SignedInSession } from '../sessions/sessions.service';
import {
  canonicalEmail,
  EMAIL_MAX_LENGTH,
  FULL_NAME_MAX_LENGTH,
  fullNameProblems,
  normalizeFullName,
} from '../users/user-input';
import { UsersRepository } from '../users/users.repository';
import { type IdentityKey, IdentityLinksRepository } from './identity-links.repository';
import { OidcProviders, type ProviderIdentity } from './oidc-providers.service';
import { safeReturnTo } from './return-to';
import { SignInFlows } from './sign-in-flows.service';
import { SsoFailure } from './sso-failure';

/** `user_identities.issuer` and `.subject` are varchar(255). */
const IDENTIFIER_MAX_LENGTH = 255;
// eslint-disable-next-line no-control-regex -- control characters in a name become spaces
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const LEARNER = { role: 'learner', scopeType: null, scopeId: null } as const;

/** A started sign-in: where to send the browser, and the id it must bring back. */
export interface StartedSignIn {
  authorizationUrl: string;
  flowId: string;
}

/** A finished sign-in: the session (as login opens it) and where the person wanted to go. */
export interface FinishedSignIn {
  session: SignedInSession;
  returnTo: string;
}

const sameSecret = (a: string, b: string): boolean => {
  const [x, y] = [a, b].map((value) => createHash('sha256').update(value).digest());
  return timingSafeEqual(x!, y!);
};

/**
 * Single sign-on with OpenID Connect (domain.md, Accounts): starts the code flow and finishes
 * it into a session, linking the provider's identity to an account by (issuer, subject).
 */
@Injectable()
export class SingleSignOn {
  constructor(
    private readonly oidcProviders: OidcProviders,
    private readonly flows: SignInFlows,
    private readonly links: IdentityLinksRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  /** The providers people may choose, in configured order. */
  providers(): { id: string; name: string }[] {
    return this.oidcProviders.list();
  }

  hasProvider(providerId: string): boolean {
    return this.oidcProviders.find(providerId) !== undefined;
  }

  /** The provider, or 404 `SSO_PROVIDER_NOT_FOUND`. */
  provider(providerId: string): OidcProviderSettings {
    const provider = this.oidcProviders.find(providerId);
    if (!provider)
      throw new IdentityError('SSO_PROVIDER_NOT_FOUND', 'No such sign-in provider is configured');
    return provider;
  }

  /**
   * Starts a sign-in: fresh state, nonce and PKCE verifier kept server-side with the return
   * path. 400 for a return path that is not a path of this site; {@link SsoFailure}
   * `unavailable` when the provider cannot be reached.
   */
  async start(providerId: string, returnTo: string | undefined): Promise<StartedSignIn> {
    const provider = this.provider(providerId);
    const path = safeReturnTo(returnTo);
    if (path === null)
      throw IdentityError.invalid({ returnTo: ['returnTo must be a path of this site'] });
    const flow = {
      providerId,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: path,
    };
    const authorizationUrl = await this.oidcProviders.authorizationUrl(provider, flow);
    return { authorizationUrl, flowId: await this.flows.begin(flow) };
  }

  /**
   * Finishes the sign-in the browser's flow id names (the flow is spent whatever happens), or
   * throws {@link SsoFailure} naming why not.
   */
  async finish(
    providerId: string,
    flowId: string | undefined,
    query: URLSearchParams,
  ): Promise<FinishedSignIn> {
    const provider = this.oidcProviders.find(providerId);
    if (!provider) throw new SsoFailure('provider', `no provider ${providerId} is configured`);
    const flow = flowId ? await this.flows.take(flowId) : null;
    if (!flow) throw new SsoFailure('state', 'no sign-in in progress in this browser');
    if (flow.providerId !== providerId)
      throw new SsoFailure('state', 'the sign-in was started with another provider');
    const error = query.get('error');
    if (error !== null)
      throw new SsoFailure('denied', `the provider answered ${error.slice(0, 64)}`);
    if (!sameSecret(query.get('state') ?? '', flow.state))
      throw new SsoFailure('state', 'the state does not match the sign-in started here');
    const identity = await this.oidcProviders.identify(provider, query.toString(), flow);
    const userId = await this.accountFor(provider, identity);
    if (!(await this.users.maySignIn(userId)))
      throw new SsoFailure('account', 'the account may not sign in');
    return { session: await this.sessions.open(userId), returnTo: flow.returnTo };
  }

  /**
   * The account this identity signs in to: the one linked to (issuer, subject); else, at the
   * first sign-in, the account holding the email when the provider says it is verified; else a
   * new learner account. An unverified email never reaches an existing account.
   */
  private async accountFor(
    provider: OidcProviderSettings,
    identity: ProviderIdentity,
  ): Promise<string> {
    if (
      identity.issuer.length > IDENTIFIER_MAX_LENGTH ||
      identity.subject.length > IDENTIFIER_MAX_LENGTH
    )
      throw new SsoFailure('token', 'the issuer or subject is longer than 255 characters');
    const key: IdentityKey = {
      issuer: identity.issuer,
      subject: identity.subject,
      providerId: provider.id,
    };
    const now = this.clock.now();
    const linked = await this.links.findUserId(key.issuer, key.subject);
    if (linked) {
      await this.links.recordSignIn(key.issuer, key.subject, now);
      return linked;
    }
    const email = verifiedEmail(identity);
    const holder = email ? await this.users.findCredentials(email) : null;
    const userId = holder
      ? await this.users
          .transaction((manager) => this.links.link(manager, holder.id, key, now))
          .then(() => holder.id)
      : await this.newAccount(provider, identity, key, email, now);
    // A concurrent first sign-in of the same identity may have linked it first: it wins.
    return (await this.links.findUserId(key.issuer, key.subject)) ?? userId;
  }

  /**
   * A learner account for this identity, with its verified email when that is free; otherwise
   * with an address that can never receive mail nor match anyone (`.invalid`), so an email the
   * provider did not verify is never attached to an account (a later verified sign-in by its
   * real owner would otherwise land in it).
   */
  private async newAccount(
    provider: OidcProviderSettings,
    identity: ProviderIdentity,
    key: IdentityKey,
    email: string | null,
    now: Date,
  ): Promise<string> {
    const created = await this.users
      .transaction(async (manager) => {
        const userId = await this.users.insertUser(manager, {
          email: email ?? placeholderEmail(provider, key),
          fullName: displayName(identity, provider),
          passwordHash: null,
        });
        if (!userId) return null;
        await this.users.insertGrant(manager, userId, LEARNER, null);
        // Linked by a concurrent first sign-in meanwhile: undo this account, theirs is used.
        if (!(await this.links.link(manager, userId, key, now))) throw new LinkedMeanwhile();
        return userId;
      })
      .catch((error: unknown) => {
        if (error instanceof LinkedMeanwhile) return null;
        throw error;
      });
    if (created) return created;
    const existing = await this.links.findUserId(key.issuer, key.subject);
    if (existing) return existing;
    throw new SsoFailure('token', 'no account could be made for this identity');
  }
}

class LinkedMeanwhile extends Error {}

/** The email, canonical, when the provider vouches for it and it fits an account; else null. */
function verifiedEmail(identity: ProviderIdentity): string | null {
  if (!identity.emailVerified || !identity.email) return null;
  const email = canonicalEmail(identity.email);
  return email.length <= EMAIL_MAX_LENGTH && isEmail(email) ? email : null;
}

/** Unique per identity, stable, and undeliverable by definition (RFC 2606 `.invalid`). */
function placeholderEmail(provider: OidcProviderSettings, key: IdentityKey): string {
  const digest = createHash('sha256').update(`${key.issuer}\n${key.subject}`).digest('hex');
  return `${provider.id}-${digest.slice(0, 32)}@sso.invalid`;
}

/**
 * The provider's name for the person, cleaned to fit an account; else the start of their email;
 * else the provider's name (an account needs one; the person can change it in their profile).
 */
function displayName(identity: ProviderIdentity, provider: OidcProviderSettings): string {
  const candidates = [identity.name, identity.email?.split('@')[0], provider.name];
  for (const candidate of candidates) {
    const cleaned = normalizeFullName((candidate ?? '').replace(CONTROL_CHARACTERS, ' '));
    const fitted = [...cleaned].slice(0, FULL_NAME_MAX_LENGTH).join('').trim();
    if (fullNameProblems(fitted).length === 0) return fitted;
  }
  return provider.id;
}
