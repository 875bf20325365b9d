import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../credentials/password-hasher.service';
import { IdentityError } from '../identity-error';
import { SessionsService, type SignedInSession } from '../sessions/sessions.service';
import {
  accountPasswordProblems,
  fieldProblems,
  fullNameProblems,
  canonicalEmail,
  normalizeFullName,
} from '../users/user-input';
import { UsersRepository } from '../users/users.repository';

/** What a person types to register. */
export interface Registration {
  email: string;
  password: string;
  fullName: string;
}

/** Self-registration: a new account with the `learner` role, signed in at once. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  /** Creates the account and opens a session; 409 `EMAIL_TAKEN` when the email is in use. */
  async register(input: Registration): Promise<SignedInSession> {
    const email = canonicalEmail(input.email);
    const problems = fieldProblems({
      password: accountPasswordProblems(input.password, email),
      fullName: fullNameProblems(input.fullName),
    });
    if (problems) throw IdentityError.invalid(problems);
    if (await this.users.emailTaken(email)) throw emailTaken();
    const passwordHash = await this.hasher.hash(input.password);
    const userId = await this.users.transaction(async (manager) => {
      const id = await this.users.insertUser(manager, {
        email,
        fullName: normalizeFullName(input.fullName),
        passwordHash,
      });
      if (id) await this.users.insertGrant(manager, id, LEARNER, null);
      return id;
    });
    if (!userId) throw emailTaken(); // lost a race with a twin request
    return this.sessions.open(userId);
  }
}

const LEARNER = { role: 'learner', scopeType: null, scopeId: null } as const;

const emailTaken = (): IdentityError =>
  new IdentityError('EMAIL_TAKEN', 'An account with this email already exists');
