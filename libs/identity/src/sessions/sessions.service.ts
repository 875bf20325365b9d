import { AppConfig, Clock, newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
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
import { UsersRepository } from '../users/users.repository';

/** An access token and the refresh token that renews it. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** What register and login answer: the user and a fresh token pair. */
export interface SignedInSession extends TokenPair {
  user: UserProfile;
}

const DAY_MS = 86_400_000;

type Exchange =
  | { outcome: 'rotate'; userId: string; refreshToken: string }
  | { outcome: Exclude<RefreshOutcome, 'rotate'> | 'unknown' };

/**
 * Sign-ins as token families: login opens a family, each refresh spends one token and adds the
 * next, presenting a spent token ends the family, logout ends it too.
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

  /** Opens a new token family for an authenticated user. */
  async open(userId: string): Promise<SignedInSession> {
    const user = await this.users.findProfile(userId);
    if (!user) throw IdentityError.unauthenticated('The account no longer exists');
    const refreshToken = await this.addToken(this.dataSource.manager, userId, newId());
    return { user, accessToken: await this.accessTokens.issue(userId), refreshToken };
  }

  /**
   * Exchanges a live refresh token for a new pair; the presented one stops working. A token
   * that was already exchanged revokes its whole family (the newest token too) and is refused.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    // The revocation must commit even though the caller gets a 401: decide inside, throw after.
    const exchange = await this.dataSource.transaction((manager) =>
      this.exchange(manager, hashRefreshToken(refreshToken)),
    );
    switch (exchange.outcome) {
      case 'rotate':
        return {
          accessToken: await this.accessTokens.issue(exchange.userId),
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

  /** Ends the family of one of the caller's own refresh tokens; unknown tokens change nothing. */
  async logout(userId: string, refreshToken: string): Promise<void> {
    const tokens = this.dataSource.getRepository(RefreshToken);
    const token = await tokens.findOne({
      where: { tokenHash: hashRefreshToken(refreshToken), userId },
      select: { familyId: true },
    });
    if (token) await this.revokeFamily(this.dataSource.manager, token.familyId);
  }

  private async exchange(manager: EntityManager, tokenHash: string): Promise<Exchange> {
    // Row lock: two concurrent refreshes with one token cannot both rotate it.
    const token = await manager.getRepository(RefreshToken).findOne({
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    if (!token) return { outcome: 'unknown' };
    const outcome = refreshOutcome(token, this.clock.now());
    if (outcome === 'reuse') await this.revokeFamily(manager, token.familyId);
    if (outcome !== 'rotate') return { outcome };
    await manager
      .getRepository(RefreshToken)
      .update({ id: token.id }, { usedAt: this.clock.now() });
    const next = await this.addToken(manager, token.userId, token.familyId);
    return { outcome: 'rotate', userId: token.userId, refreshToken: next };
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
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * DAY_MS),
    });
    return value;
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .getRepository(RefreshToken)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
