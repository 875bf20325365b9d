import { Injectable } from '@nestjs/common';
import { canonicalEmail, PASSWORD_MAX_LENGTH } from '../users/user-input';
import { UsersRepository } from '../users/users.repository';
import { PasswordHasher } from './password-hasher.service';

/** Checks an email and password pair. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * The user id when the password matches, else null. Takes about the same time whether or not
   * the email is known, so it cannot be used to find out who has an account.
   */
  async verify(email: string, password: string): Promise<string | null> {
    // Longer than any acceptable password: refuse without hashing (bounded cost per request).
    const tooLong = [...password].length > PASSWORD_MAX_LENGTH;
    const user = await this.users.findCredentials(canonicalEmail(email));
    const matches = await this.hasher.verify(
      tooLong ? null : (user?.passwordHash ?? null),
      tooLong ? '' : password,
    );
    return matches && user ? user.id : null;
  }
}
