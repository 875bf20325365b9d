import { Injectable, Logger } from '@nestjs/common';
import { retryOnDeadlock } from '@lifelong/database';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth-decision';
import { PasswordHasher } from '../credentials/password-hasher.service';
import { IdentityError } from '../identity-error';
import { SessionsService, type SignedInSession } from '../sessions/sessions.service';
import { accountPasswordProblems, canonicalEmail, PASSWORD_MAX_LENGTH } from '../users/user-input';
import { UsersRepository } from '../users/users.repository';
import type { AccountTokenPurpose } from './account-token.entity';
import { AccountTokensRepository } from './account-tokens.repository';

/**
 * Setting a password: with an invitation, with a reset link after "forgot password", or by a
 * signed-in person who knows their current one.
 */
@Injectable()
export class PasswordRecovery {
  private readonly logger = new Logger(PasswordRecovery.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: SessionsService,
  ) {}

  /** Sets the first password of an invited person and signs them in. 422 `TOKEN_INVALID`. */
  acceptInvitation(token: string, password: string, userAgent?: string): Promise<SignedInSession> {
    return this.setWithLink('invitation', token, password, userAgent);
  }

  /** Sets a new password, ends every session of the person, and signs them in afresh. */
  resetPassword(token: string, password: string, userAgent?: string): Promise<SignedInSession> {
    return this.setWithLink('password_reset', token, password, userAgent);
  }

  /**
   * Emails a reset link when the email belongs to an account that is not deactivated; nothing
   * otherwise. The caller answers before this runs (the same answer, in the same time, whether
   * the account exists); failures are logged, never shown.
   */
  requestReset(email: string): void {
    void this.issueReset(canonicalEmail(email)).catch((error: unknown) =>
      this.logger.error(
        `A password-reset request could not be handled: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  /**
   * Changes the caller's password when `currentPassword` is right (400 `VALIDATION_FAILED` on
   * `currentPassword` when not); every other session of theirs ends.
   */
  async change(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const credentials = await this.users.findCredentials(principal.email);
    // Longer than any acceptable password: refused without hashing (bounded cost per request).
    const tooLong = [...currentPassword].length > PASSWORD_MAX_LENGTH;
    const matches = await this.hasher.verify(
      tooLong || credentials?.id !== principal.userId ? null : credentials.passwordHash,
      tooLong ? '' : currentPassword,
    );
    if (!matches) throw IdentityError.invalid({ currentPassword: ['currentPassword is wrong'] });
    this.assertAcceptable(newPassword, principal.email, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.users.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, principal.userId, passwordHash);
      await this.sessions.endAll(manager, principal.userId, principal.sessionId);
      await this.tokens.revokeAll(manager, principal.userId);
    });
  }

  private async issueReset(email: string): Promise<void> {
    const user = await this.users.findCredentials(email);
    if (!user || user.deactivatedAt !== null) return;
    // A link that fails is lost without a word (the answer has already gone out): a deadlock
    // victim is run again.
    await retryOnDeadlock(() =>
      this.users.transaction(
        (manager) => this.tokens.issue(manager, [user.id], 'password_reset', null),
        // Revoking the earlier links reads a range of the tokens' index; at the default level
        // that locks the gap where the new link goes, and two requests for people with
        // neighbouring ids (who registered together) deadlock over it. Read committed takes no
        // gap locks; the worst a race leaves is two fresh links for one person.
        'READ COMMITTED',
      ),
    );
  }

  private async setWithLink(
    purpose: AccountTokenPurpose,
    token: string,
    password: string,
    userAgent: string | undefined,
  ): Promise<SignedInSession> {
    return this.users.transaction(async (manager: EntityManager) => {
      const user = await this.tokens.consume(manager, token, purpose);
      this.assertAcceptable(password, user.email, 'password');
      const passwordHash = await this.hasher.hash(password);
      await this.users.setPasswordHash(manager, user.id, passwordHash);
      // An invitation finds no session; a reset ends every one (a thief's too).
      await this.sessions.endAll(manager, user.id);
      return this.sessions.open(user.id, userAgent, manager);
    });
  }

  private assertAcceptable(password: string, email: string, field: string): void {
    const problems = accountPasswordProblems(password, email);
    if (problems.length > 0)
      throw IdentityError.invalid({
        [field]: problems.map((problem) => problem.replace(/^password/, field)),
      });
  }
}
