import { newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UserIdentity } from './user-identity.entity';

/** One identity at a provider, as a sign-in presents it. */
export interface IdentityKey {
  issuer: string;
  subject: string;
  providerId: string;
}

/** Queries on `user_identities`: which account an identity at a provider belongs to. */
@Injectable()
export class IdentityLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account linked to this (issuer, subject), or null (unique key lookup). */
  async findUserId(issuer: string, subject: string): Promise<string | null> {
    const link = await this.dataSource
      .getRepository(UserIdentity)
      .findOne({ where: { issuer, subject }, select: { userId: true } });
    return link?.userId ?? null;
  }

  /**
   * Links the identity to the account; false when it is already linked (to any account, also
   * by a concurrent first sign-in), which the caller resolves by looking it up again.
   */
  async link(manager: EntityManager, userId: string, key: IdentityKey, at: Date): Promise<boolean> {
    const result = await manager.query<{ affectedRows: number }>(
      `INSERT IGNORE INTO user_identities (id, user_id, issuer, subject, provider_id, last_sign_in_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [newId(), userId, key.issuer, key.subject, key.providerId, at],
    );
    return result.affectedRows === 1;
  }

  async recordSignIn(issuer: string, subject: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(UserIdentity)
      .update({ issuer, subject }, { lastSignInAt: at });
  }
}
