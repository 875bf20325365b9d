import { AppConfig, Clock, newId, type Page, type PageQuery } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityError } from '../identity-error';
import { AccessTokenService } from '../tokens/access-token.service';
import {
  hashRefreshToken,
  newRefreshTokenValue,
  refreshOutcome,
  type RefreshOutcome,
} from '../tokens/refresh-rotation';
import type { UserProfile } from '../users/user-profile';
import { UsersRepository } from '../users/users.repository';
import { SessionsRepository } from './sessions.repository';

/** An access token and the refresh token that renews it. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** What register and login answer: the user and a fresh token pair. */
export interface SignedInSession extends TokenPair {
  user: UserProfile;
}

/** A session as its owner sees it (GET /me/sessions). */
export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  current: boolean;
}

const DAY_MS = 86_400_000;
const USER_AGENT_MAX = 255;

type Exchange =
  | { outcome: 'rotate'; userId: string; sessionId: string; refreshToken: string }
  | { outcome: Exclude<RefreshOutcome, 'rotate'> | 'unknown' };

/**
 * Sign-ins as sessions, each a refresh-token family: login opens one, each refresh spends one
 * token and adds the next, presenting a spent token ends the session, logout ends it too. The
 * access tokens of a session name it (`sid`), so an ended session's tokens stop at once.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Opens a new session for an authenticated user; `userAgent` tells it apart in their list. */
  async open(
    userId: string,
    userAgent?: string | null,
    manager?: EntityManager,
  ): Promise<SignedInSession> {
    const user = await this.users.findProfile(userId, manager);
    if (!user) throw IdentityError.unauthenticated('The account no longer exists');
    const sessionId = newId();
    const now = this.clock.now();
    await this.sessions.insertSession(
      {
        id: sessionId,
        userId,
        userAgent: shortened(userAgent),
        createdAt: now,
        lastUsedAt: now,
        expiresAt: this.refreshExpiry(now),
      },
      manager,
    );
    const refreshToken = await this.addToken(manager, userId, sessionId);
    return { user, accessToken: await this.accessTokens.issue(userId, sessionId), refreshToken };
  }

  /**
   * Exchanges a live refresh token for a new pair; the presented one stops working. A token
   * that was already exchanged ends its whole session (the newest token too) and is refused.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    // The revocation must commit even though the caller gets a 401: decide inside, throw after.
    const exchange = await this.sessions.transaction((manager) =>
      this.exchange(manager, hashRefreshToken(refreshToken)),
    );
    switch (exchange.outcome) {
      case 'rotate':
        return {
          accessToken: await this.accessTokens.issue(exchange.userId, exchange.sessionId),
          refreshToken: exchange.refreshToken,
        };
      case 'reuse':
        throw new IdentityError(
          'REFRESH_TOKEN_REUSED',
          'This refresh token was already used; the sign-in it belonged to has been ended',
        );
      case 'revoked':
      case 'expired':
      case 'unknown':
        throw new IdentityError('REFRESH_TOKEN_INVALID', 'The refresh token is not valid');
    }
  }

  /** Ends the session of one of the caller's own refresh tokens; unknown tokens change nothing. */
  async logout(userId: string, refreshToken: string): Promise<void> {
    const familyId = await this.sessions.familyOfToken(hashRefreshToken(refreshToken), userId);
    if (familyId) await this.sessions.end(familyId, this.clock.now());
  }

  /** The person's live sessions, most recently used first; `current` marks the caller's own. */
  async list(
    userId: string,
    currentSessionId: string | undefined,
    query: PageQuery,
  ): Promise<Page<SessionView>> {
    const page = await this.sessions.pageOfLive(userId, this.clock.now(), query);
    return {
      ...page,
      items: page.items.map((session) => ({
        id: session.id,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        userAgent: session.userAgent,
        current: session.id === currentSessionId,
      })),
    };
  }

  /** Ends one of the person's own sessions; 404 `SESSION_NOT_FOUND` for anyone else's or none. */
  async endOwn(userId: string, sessionId: string): Promise<void> {
    if (!(await this.sessions.isOpen(userId, sessionId)))
      throw new IdentityError('SESSION_NOT_FOUND', 'You have no such session');
    await this.sessions.end(sessionId, this.clock.now());
  }

  /**
   * Ends every session of a person, but `except` (the caller's own, on a password change), in
   * the caller's transaction: password reset and change, deactivation.
   */
  async endAll(manager: EntityManager, userId: string, except?: string): Promise<void> {
    await this.sessions.endAllOf(manager, userId, this.clock.now(), except);
  }

  private async exchange(manager: EntityManager, tokenHash: string): Promise<Exchange> {
    // Row lock: two concurrent refreshes with one token cannot both rotate it.
    const token = await this.sessions.lockToken(manager, tokenHash);
    if (!token) return { outcome: 'unknown' };
    const outcome = refreshOutcome(token, this.clock.now());
    if (outcome === 'reuse') await this.sessions.end(token.familyId, this.clock.now(), manager);
    if (outcome !== 'rotate') return { outcome };
    // Belt and braces: deactivation ends sessions, and a deactivated account never refreshes.
    const user = await this.users.findDeactivation(token.userId, manager);
    if (!user || user.deactivatedAt !== null) return { outcome: 'revoked' };
    const now = this.clock.now();
    await this.sessions.markTokenUsed(manager, token.id, now);
    await this.sessions.touch(manager, token.familyId, now, this.refreshExpiry(now));
    const next = await this.addToken(manager, token.userId, token.familyId);
    return {
      outcome: 'rotate',
      userId: token.userId,
      sessionId: token.familyId,
      refreshToken: next,
    };
  }

  private async addToken(
    manager: EntityManager | undefined,
    userId: string,
    familyId: string,
  ): Promise<string> {
    const value = newRefreshTokenValue();
    const now = this.clock.now();
    await this.sessions.insertToken(
      {
        id: newId(),
        userId,
        familyId,
        tokenHash: hashRefreshToken(value),
        issuedAt: now,
        expiresAt: this.refreshExpiry(now),
      },
      manager,
    );
    return value;
  }

  private refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * DAY_MS);
  }
}

/** A user agent kept to its column's width, or null when none was sent. */
function shortened(userAgent: string | null | undefined): string | null {
  const trimmed = userAgent?.trim();
  return trimmed ? [...trimmed].slice(0, USER_AGENT_MAX).join('') : null;
}
