import { type Page, pageOffset, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { Session } from './session.entity';

/**
 * Sessions and their refresh tokens (a session is a refresh-token family: its id is the
 * tokens' `familyId`). Methods taking a manager run in the caller's transaction.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertSession(session: Omit<Session, 'endedAt'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(Session).insert(session);
  }

  async insertToken(
    token: Pick<
      RefreshToken,
      'id' | 'userId' | 'familyId' | 'tokenHash' | 'issuedAt' | 'expiresAt'
    >,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(RefreshToken).insert(token);
  }

  /** The session (family) of one of the user's refresh tokens, or null. */
  async familyOfToken(tokenHash: string, userId: string): Promise<string | null> {
    const token = await this.dataSource.getRepository(RefreshToken).findOne({
      where: { tokenHash, userId },
      select: { familyId: true },
    });
    return token?.familyId ?? null;
  }

  /** Locks the refresh token row (`FOR UPDATE`) for the rest of the transaction. */
  lockToken(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return manager.getRepository(RefreshToken).findOne({
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markTokenUsed(manager: EntityManager, tokenId: string, at: Date): Promise<void> {
    await manager.getRepository(RefreshToken).update({ id: tokenId }, { usedAt: at });
  }

  /** A session was used at `at` and now lasts until `expiresAt`. */
  async touch(manager: EntityManager, sessionId: string, at: Date, expiresAt: Date): Promise<void> {
    await manager.getRepository(Session).update({ id: sessionId }, { lastUsedAt: at, expiresAt });
  }

  /** The user's sessions neither ended nor expired at `now`, most recently used first. */
  async pageOfLive(userId: string, now: Date, query: PageQuery): Promise<Page<Session>> {
    const [sessions, total] = await this.dataSource.getRepository(Session).findAndCount({
      where: { userId, endedAt: IsNull(), expiresAt: MoreThan(now) },
      order: { lastUsedAt: 'DESC', id: 'ASC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(sessions, total, query);
  }

  /** Whether the user has this session and it has not been ended. */
  async isOpen(userId: string, sessionId: string): Promise<boolean> {
    const session = await this.dataSource
      .getRepository(Session)
      .findOne({ where: { id: sessionId, userId, endedAt: IsNull() }, select: { id: true } });
    return session !== null;
  }

  /** Ends one session at `at`: its record and every live refresh token of its family. */
  async end(sessionId: string, at: Date, manager?: EntityManager): Promise<void> {
    const { manager: own } = this.dataSource;
    await (manager ?? own)
      .getRepository(Session)
      .update({ id: sessionId, endedAt: IsNull() }, { endedAt: at });
    await (manager ?? own)
      .getRepository(RefreshToken)
      .update({ familyId: sessionId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every session of the user at `at`, but `except` (a session id) if given. */
  async endAllOf(manager: EntityManager, userId: string, at: Date, except?: string): Promise<void> {
    const exceptSession = except ? { id: Not(except) } : {};
    await manager
      .getRepository(Session)
      .update({ userId, endedAt: IsNull(), ...exceptSession }, { endedAt: at });
    const exceptFamily = except ? { familyId: Not(except) } : {};
    await manager
      .getRepository(RefreshToken)
      .update({ userId, revokedAt: IsNull(), ...exceptFamily }, { revokedAt: at });
  }
}
