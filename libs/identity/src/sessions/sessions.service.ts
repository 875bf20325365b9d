import {
  AppConfig,
  Clock,
  newId,
  type Page,
  type PageQuery,
  pageOffset,
  toPage,
} from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { IdentityError } from '../identity-error';
import { AccessTokenService } from '../tokens/access-token.service';
import { RefreshToken } from '../tokens/refresh-token.entity';
import {
  hashRefreshToken,
  newRefreshTokenValue,
  refreshOutcome,
  type RefreshOutcome,
} from '../tokens/refresh-rotation';
import type { UserProfile } from '../users/user-profile';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { Session } from './session.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Opens a new session for an authenticated user; `userAgent` tells it apart in their list. */
  async open(
    userId: string,
    userAgent?: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SignedInSession> {
    const user = await this.users.findProfile(userId, manager);
    if (!user) throw IdentityError.unauthenticated('The account no longer exists');
    const sessionId = newId();
    const now = this.clock.now();
    await manager.getRepository(Session).insert({
      id: sessionId,
      userId,
      userAgent: shortened(userAgent),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: this.refreshExpiry(now),
    });
    const refreshToken = await this.addToken(manager, userId, sessionId);
    return { user, accessToken: await this.accessTokens.issue(userId, sessionId), refreshToken };
  }

  /**
   * Exchanges a live refresh token for a new pair; the presented one stops working. A token
   * that was already exchanged ends its whole session (the newest token too) and is refused.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    // The revocation must commit even though the caller gets a 401: decide inside, throw after.
    const exchange = await this.dataSource.transaction((manager) =>
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
    const tokens = this.dataSource.getRepository(RefreshToken);
    const token = await tokens.findOne({
      where: { tokenHash: hashRefreshToken(refreshToken), userId },
      select: { familyId: true },
    });
    if (token) await this.end(this.dataSource.manager, token.familyId);
  }

  /** The person's live sessions, most recently used first; `current` marks the caller's own. */
  async list(
    userId: string,
    currentSessionId: string | undefined,
    query: PageQuery,
  ): Promise<Page<SessionView>> {
    const [sessions, total] = await this.dataSource.getRepository(Session).findAndCount({
      where: { userId, endedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { lastUsedAt: 'DESC', id: 'ASC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    const items = sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    }));
    return toPage(items, total, query);
  }

  /** Ends one of the person's own sessions; 404 `SESSION_NOT_FOUND` for anyone else's or none. */
  async endOwn(userId: string, sessionId: string): Promise<void> {
    const session = await this.dataSource
      .getRepository(Session)
      .findOne({ where: { id: sessionId, userId, endedAt: IsNull() }, select: { id: true } });
    if (!session) throw new IdentityError('SESSION_NOT_FOUND', 'You have no such session');
    await this.end(this.dataSource.manager, session.id);
  }

  /**
   * Ends every session of a person, but `except` (the caller's own, on a password change), in
   * the caller's transaction: password reset and change, deactivation.
   */
  async endAll(manager: EntityManager, userId: string, except?: string): Promise<void> {
    const now = this.clock.now();
    const exceptSession = except ? { id: Not(except) } : {};
    await manager
      .getRepository(Session)
      .update({ userId, endedAt: IsNull(), ...exceptSession }, { endedAt: now });
    const exceptFamily = except ? { familyId: Not(except) } : {};
    await manager
      .getRepository(RefreshToken)
      .update({ userId, revokedAt: IsNull(), ...exceptFamily }, { revokedAt: now });
  }

  private async exchange(manager: EntityManager, tokenHash: string): Promise<Exchange> {
    // Row lock: two concurrent refreshes with one token cannot both rotate it.
    const token = await manager.getRepository(RefreshToken).findOne({
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    if (!token) return { outcome: 'unknown' };
    const outcome = refreshOutcome(token, this.clock.now());
    if (outcome === 'reuse') await this.end(manager, token.familyId);
    if (outcome !== 'rotate') return { outcome };
    // Belt and braces: deactivation ends sessions, and a deactivated account never refreshes.
    const user = await manager
      .getRepository(User)
      .findOne({ where: { id: token.userId }, select: { id: true, deactivatedAt: true } });
    if (!user || user.deactivatedAt !== null) return { outcome: 'revoked' };
    const now = this.clock.now();
    await manager.getRepository(RefreshToken).update({ id: token.id }, { usedAt: now });
    await manager
      .getRepository(Session)
      .update({ id: token.familyId }, { lastUsedAt: now, expiresAt: this.refreshExpiry(now) });
    const next = await this.addToken(manager, token.userId, token.familyId);
    return {
      outcome: 'rotate',
      userId: token.userId,
      sessionId: token.familyId,
      refreshToken: next,
    };
  }

  private async addToken(
    manager: EntityManager,
    userId: string,
    familyId: string,
  ): Promise<string> {
    const value = newRefreshTokenValue();
    const now = this.clock.now();
    await manager.getRepository(RefreshToken).insert({
      id: newId(),
      userId,
      familyId,
      tokenHash: hashRefreshToken(value),
      issuedAt: now,
      expiresAt: this.refreshExpiry(now),
    });
    return value;
  }

  private refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * DAY_MS);
  }

  /** Ends one session: its record and every live refresh token of its family. */
  private async end(manager: EntityManager, sessionId: string): Promise<void> {
    const now = this.clock.now();
    await manager
      .getRepository(Session)
      .update({ id: sessionId, endedAt: IsNull() }, { endedAt: now });
    await manager
      .getRepository(RefreshToken)
      .update({ familyId: sessionId, revokedAt: IsNull() }, { revokedAt: now });
  }
}

/** A user agent kept to its column's width, or null when none was sent. */
function shortened(userAgent: string | null | undefined): string | null {
  const trimmed = userAgent?.trim();
  return trimmed ? [...trimmed].slice(0, USER_AGENT_MAX).join('') : null;
}
