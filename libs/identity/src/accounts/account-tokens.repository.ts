import { AuditLog } from '@lifelong/audit';
import { Clock, newId } from '@lifelong/common';
import { recordEvents } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { IdentityError } from '../identity-error';
import { User } from '../users/user.entity';
import { AccountLinkTokens } from './account-link-tokens.service';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';

const HOUR_MS = 3_600_000;

/** How long each kind of link works (domain.md, Accounts). */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * HOUR_MS,
  password_reset: HOUR_MS,
};

const EVENT_BY_PURPOSE = {
  invitation: 'identity.invitation-sent',
  password_reset: 'identity.password-reset-requested',
} as const;

/**
 * One-time links in the caller's transaction: issuing one makes the person's earlier links of
 * that kind stop working and records the event that emails it; using one spends it.
 */
@Injectable()
export class AccountTokensRepository {
  constructor(
    private readonly links: AccountLinkTokens,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * A new link for each user (earlier live ones of the kind revoked), and its email event; an
   * invitation is audited too, on behalf of `createdBy` (the importer, for an import's).
   */
  async issue(
    manager: EntityManager,
    userIds: readonly string[],
    purpose: AccountTokenPurpose,
    createdBy: string | null,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const now = this.clock.now();
    await manager
      .getRepository(AccountToken)
      .update(
        { userId: In([...userIds]), purpose, usedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: now },
      );
    const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[purpose]);
    const rows = userIds.map((userId) => {
      const id = newId();
      return { id, userId, purpose, tokenHash: this.links.hash(this.links.tokenFor(id)) };
    });
    await manager
      .getRepository(AccountToken)
      .insert(rows.map((row) => ({ ...row, createdAt: now, expiresAt, createdBy })));
    await recordEvents(
      manager,
      EVENT_BY_PURPOSE[purpose],
      rows.map((row) => ({
        tokenId: row.id,
        userId: row.userId,
        expiresAt: expiresAt.toISOString(),
      })),
    );
    if (purpose === 'invitation')
      for (const userId of userIds)
        await this.audit.record(manager, {
          action: 'invitation.sent',
          subjectType: 'user',
          subjectId: userId,
          actorId: createdBy,
          details: { expiresAt: expiresAt.toISOString() },
          place: { userId },
        });
  }

  /**
   * Spends a link of this kind and returns its person, locked for the change that follows.
   * 422 `TOKEN_INVALID` for an unknown, used, revoked or expired link, a link of the other kind,
   * or a deactivated person. Every other live link of the person stops working too.
   */
  async consume(
    manager: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
  ): Promise<Pick<User, 'id' | 'email'>> {
    const now = this.clock.now();
    const found = await manager.getRepository(AccountToken).findOne({
      where: { tokenHash: this.links.hash(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (
      !found ||
      found.purpose !== purpose ||
      found.usedAt !== null ||
      found.revokedAt !== null ||
      found.expiresAt.getTime() <= now.getTime()
    )
      throw IdentityError.tokenInvalid();
    const user = await manager.getRepository(User).findOne({
      where: { id: found.userId },
      select: { id: true, email: true, deactivatedAt: true },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user || user.deactivatedAt !== null) throw IdentityError.tokenInvalid();
    await manager.getRepository(AccountToken).update({ id: found.id }, { usedAt: now });
    await this.revokeAll(manager, user.id);
    return { id: user.id, email: user.email };
  }

  /** Every live link of the person stops working (password set, deactivated). */
  async revokeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager
      .getRepository(AccountToken)
      .update({ userId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
