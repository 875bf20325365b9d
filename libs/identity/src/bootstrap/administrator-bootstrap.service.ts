import { Injectable } from '@nestjs/common';
import { UserAccounts } from '../users/user-accounts.service';
import { UsersRepository } from '../users/users.repository';

/**
 * What {@link AdministratorBootstrap.ensureAdministrator} did: `email taken` means nobody is
 * administrator yet and ADMIN_EMAIL belongs to an existing account, which is left as it is.
 */
export type AdministratorStatus = 'created' | 'already present' | 'email taken';

const PLATFORM_ADMIN = { role: 'admin', scopeType: null, scopeId: null } as const;

/** The first administrator, from `ADMIN_EMAIL` and `ADMIN_PASSWORD` (`npm run migrate`). */
@Injectable()
export class AdministratorBootstrap {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Creates the first administrator: a new account with the unscoped `admin` role, only while
   * nobody holds that role. It never grants a role to an existing account by email: whoever
   * registered (or was imported with) ADMIN_EMAIL first must not become administrator by the
   * next `npm run migrate`. Safe to run again: once an administrator exists it does nothing.
   */
  async ensureAdministrator(email: string, password: string): Promise<AdministratorStatus> {
    if (await this.users.platformAdminExists()) return 'already present';
    const { userId, created } = await this.accounts.ensureUser({
      email,
      fullName: 'Administrator',
      password,
    });
    if (!created)
      // A twin run may have just created and granted it; anyone else's account stays as it is.
      return (await this.users.platformAdminExists(userId)) ? 'already present' : 'email taken';
    await this.users.transaction(async (manager) => {
      await this.users.insertGrant(manager, userId, PLATFORM_ADMIN, null);
    });
    return 'created';
  }
}
