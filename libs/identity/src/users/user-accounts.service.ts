import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../credentials/password-hasher.service';
import { IdentityError } from '../identity-error';
import {
  fieldProblems,
  fullNameProblems,
  canonicalEmail,
  normalizeFullName,
  passwordProblems,
} from './user-input';
import { UsersRepository } from './users.repository';

/** An account a trusted caller (bootstrap, demo data) wants to exist. */
export interface WantedAccount {
  email: string;
  fullName: string;
  /** Omitted: the account cannot sign in with a password until one is set. */
  password?: string;
}

const LEARNER = { role: 'learner', scopeType: null, scopeId: null } as const;

/** Accounts made by the platform itself rather than by self-registration. */
@Injectable()
export class UserAccounts {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Finds the account with this email, or creates it (with the `learner` role). An existing
   * account is left as it is, password included. Safe to run again.
   */
  async ensureUser(wanted: WantedAccount): Promise<{ userId: string; created: boolean }> {
    const email = canonicalEmail(wanted.email);
    const problems = fieldProblems({
      fullName: fullNameProblems(wanted.fullName),
      password: wanted.password === undefined ? [] : passwordProblems(wanted.password),
    });
    if (problems) throw IdentityError.invalid(problems);
    const existing = await this.users.findCredentials(email);
    if (existing) return { userId: existing.id, created: false };
    const passwordHash =
      wanted.password === undefined ? null : await this.hasher.hash(wanted.password);
    const userId = await this.users.transaction(async (manager) => {
      const id = await this.users.insertUser(manager, {
        email,
        fullName: normalizeFullName(wanted.fullName),
        passwordHash,
      });
      if (id) await this.users.insertGrant(manager, id, LEARNER, null);
      return id;
    });
    if (userId) return { userId, created: true };
    const raced = await this.users.findCredentials(email); // created meanwhile by a twin run
    if (!raced) throw new Error(`The account ${email} could be neither created nor found`);
    return { userId: raced.id, created: false };
  }
}
