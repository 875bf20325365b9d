import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Algorithm, hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the enum is `const` in the typings and absent at run time. */
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): strong against GPU
 * guessing while a login stays in the tens of milliseconds on a 2-core machine. The parameters
 * are stored in each hash, so raising them later keeps old hashes verifiable.
 */
const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes and verifies passwords. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2Hash(password, ARGON2_OPTIONS);
  }

  /**
   * True when `password` matches `hash`. With no hash (unknown email, or an account without a
   * password) it still spends one verification on a dummy hash, so response time does not tell
   * whether an account exists.
   */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      await this.safeVerify(await this.dummy(), password);
      return false;
    }
    return this.safeVerify(hash, password);
  }

  private async safeVerify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2Verify(hash, password);
    } catch {
      return false; // a malformed stored hash is a failed login, not a 500
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}
