import { Injectable } from '@nestjs/common';
import { UserAccounts } from '../users/user-accounts.service';
import { UsersRepository } from '../users/users.repository';

/** What {@link AdministratorBootstrap.ensureAdministrator} found. */
export type AdministratorStatus = 'created' | 'already present';

const PLATFORM_ADMIN = { role: 'admin', scopeType: null, scopeId: null } as const;

/** The first administrator, from `ADMIN_EMAIL` and `ADMIN_PASSWORD` (`npm run migrate`). */
@Injectable()
export class AdministratorBootstrap {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Creates the account with the unscoped `admin` role when no account has this email. An
   * existing account keeps its password and gains the role if it lacks it. Safe to run again.
   */
  async ensureAdministrator(email: string, password: string): Promise<AdministratorStatus> {
    const { userId, created } = await this.accounts.ensureUser({
      email,
      fullName: 'Administrator',
      password,
    });
    await this.users.transaction((manager) =>
      this.users.insertGrant(manager, userId, PLATFORM_ADMIN, null),
    );
    return created ? 'created' : 'already present';
  }
}
