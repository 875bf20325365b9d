import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountTokensRepository } from '../accounts/account-tokens.repository';
import { userSearchText } from './user-search';

/** An account as a batch import finds it. */
export interface BatchAccount {
  userId: string;
  email: string;
  fullName: string;
  /** Has a password or has had a session (refresh tokens are kept after they end). */
  signedIn: boolean;
}

/** An account a batch creates or corrects: who it is and how they are written to. */
export interface AccountDetails {
  userId: string;
  email: string;
  fullName: string;
}

const SELECT =
  'SELECT u.`id` AS userId, u.`email` AS email, u.`full_name` AS fullName, ' +
  '(u.`password_hash` IS NOT NULL OR EXISTS (SELECT 1 FROM `refresh_tokens` t WHERE t.`user_id` = u.`id`)) AS signedIn ' +
  'FROM `users` u WHERE ';

type BatchAccountRow = Omit<BatchAccount, 'signedIn'> & { signedIn: number | string };

const toAccount = ({ signedIn, ...account }: BatchAccountRow): BatchAccount => ({
  ...account,
  signedIn: Number(signedIn) === 1,
});

/**
 * Accounts read and written many at a time inside another lib's transaction (the staff import
 * writes one batch of people, their profiles and memberships together): multi-row statements
 * on the users table, kept here so that no other lib names it.
 */
@Injectable()
export class AccountBatchesRepository {
  constructor(private readonly tokens: AccountTokensRepository) {}

  async byIds(manager: EntityManager, userIds: readonly string[]): Promise<BatchAccount[]> {
    if (userIds.length === 0) return [];
    return (await manager.query<BatchAccountRow[]>(`${SELECT}u.\`id\` IN (?)`, [userIds])).map(
      toAccount,
    );
  }

  /** The users collation compares accent-insensitively: callers key by `canonicalEmail`. */
  async byEmails(manager: EntityManager, emails: readonly string[]): Promise<BatchAccount[]> {
    if (emails.length === 0) return [];
    return (await manager.query<BatchAccountRow[]>(`${SELECT}u.\`email\` IN (?)`, [emails])).map(
      toAccount,
    );
  }

  /** New accounts without a password: they sign in once invited (or by single sign-on). */
  async create(manager: EntityManager, accounts: readonly AccountDetails[]): Promise<void> {
    if (accounts.length === 0) return;
    await manager.query(
      'INSERT INTO `users` (`id`, `email`, `full_name`, `search_text`) VALUES ?',
      [
        accounts.map((account) => [
          account.userId,
          account.email,
          account.fullName,
          userSearchText(account.fullName, account.email),
        ]),
      ],
    );
  }

  /** Corrects the email and name of accounts nobody has signed in to yet, in one statement. */
  async correct(manager: EntityManager, accounts: readonly AccountDetails[]): Promise<void> {
    if (accounts.length === 0) return;
    const cases = 'WHEN ? THEN ? '.repeat(accounts.length);
    await manager.query(
      `UPDATE \`users\` SET \`email\` = CASE \`id\` ${cases}END, \`full_name\` = CASE \`id\` ${cases}END, \`search_text\` = CASE \`id\` ${cases}END WHERE \`id\` IN (?)`,
      [
        ...accounts.flatMap((account) => [account.userId, account.email]),
        ...accounts.flatMap((account) => [account.userId, account.fullName]),
        ...accounts.flatMap((account) => [
          account.userId,
          userSearchText(account.fullName, account.email),
        ]),
        accounts.map((account) => account.userId),
      ],
    );
  }

  /** Invitations for these people on behalf of `by`, in the caller's transaction. */
  invite(manager: EntityManager, userIds: readonly string[], by: string): Promise<void> {
    return this.tokens.issue(manager, userIds, 'invitation', by);
  }
}
