import { createSecretKey } from 'node:crypto';
import { AppConfig, Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { JwtService, type JwtVerifyOptions } from '@nestjs/jwt';
import type { Principal } from '../auth/auth-decision';
import { IdentityError } from '../identity-error';
import { UsersRepository } from '../users/users.repository';

type Algorithm = NonNullable<JwtVerifyOptions['algorithms']>[number];

/** The only algorithm accepted: a token claiming `none`, RS256 or anything else is refused. */
const ALGORITHMS: Algorithm[] = ['HS256'];

interface AccessClaims {
  sub: string;
  /** The session (refresh-token family) the token belongs to. */
  sid?: string;
  iat: number;
  exp: number;
}

const isAccessClaims = (claims: unknown): claims is AccessClaims => {
  if (typeof claims !== 'object' || claims === null) return false;
  const { sub, sid, iat, exp } = claims as Record<string, unknown>;
  return (
    typeof sub === 'string' &&
    (sid === undefined || typeof sid === 'string') &&
    typeof iat === 'number' &&
    typeof exp === 'number'
  );
};

/**
 * Short-lived access tokens: JWT HS256 signed with `JWT_SECRET`, carrying the user id and the
 * session id. Expiry follows the injected {@link Clock}. The caller's roles are not in the
 * token: they are read from the database on every request, in the same query that checks the
 * account is not deactivated and the session not ended, so a revoked role, a deactivation or
 * an ended session takes effect at once.
 */
@Injectable()
export class AccessTokenService {
  /**
   * The HMAC key as a KeyObject. Given a string, jsonwebtoken first tries to parse it as a public
   * key on every call (~40x the cost of the HS256 check itself); the key is the same either way.
   * The libraries' typings say string | Buffer, but both pass it to node:crypto, which takes a
   * KeyObject.
   */
  private readonly key: Buffer;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly users: UsersRepository,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer;
  }

  /** A signed access token for the user's session, valid for `ACCESS_TOKEN_TTL_SECONDS`. */
  issue(userId: string, sessionId?: string): Promise<string> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: AccessClaims = {
      sub: userId,
      ...(sessionId !== undefined && { sid: sessionId }),
      iat,
      exp: iat + this.config.auth.accessTokenTtlSeconds,
    };
    return this.jwt.signAsync(claims, { secret: this.key, algorithm: 'HS256' });
  }

  /**
   * The caller behind a raw access token (no `Bearer ` prefix), with their current roles.
   * Throws {@link IdentityError} `UNAUTHENTICATED` (401) for a forged, malformed, expired or
   * `alg: none` token, or one whose user no longer exists.
   */
  async verify(token: string): Promise<Principal> {
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync<object>(token, {
        ...this.verificationOptions(),
        ignoreExpiration: true,
      });
    } catch {
      throw IdentityError.unauthenticated('The access token is not valid');
    }
    return this.principalFor(claims);
  }

  /**
   * Signature checks shared with the passport-jwt strategy. Expiry is checked separately against
   * the Clock (jsonwebtoken would use wall time), so verifiers pass `ignoreExpiration: true`.
   */
  verificationOptions(): { secret: Buffer; algorithms: Algorithm[] } {
    return { secret: this.key, algorithms: ALGORITHMS };
  }

  /** From claims whose signature was verified to the Principal: checks expiry, loads roles. */
  async principalFor(claims: unknown): Promise<Principal> {
    if (!isAccessClaims(claims))
      throw IdentityError.unauthenticated('The access token is not valid');
    if (claims.exp * 1000 <= this.clock.now().getTime())
      throw IdentityError.unauthenticated('The access token has expired');
    const holder = await this.users.findAccessHolder(claims.sub, claims.sid ?? null);
    if (!holder) throw IdentityError.unauthenticated('The account no longer exists');
    if (holder.deactivated) throw IdentityError.unauthenticated('The account is deactivated');
    if (claims.sid !== undefined && !holder.sessionLive)
      throw IdentityError.unauthenticated('The session has ended');
    const { profile } = holder;
    return {
      userId: profile.id,
      email: profile.email,
      roles: profile.roles,
      ...(claims.sid !== undefined && { sessionId: claims.sid }),
    };
  }
}
