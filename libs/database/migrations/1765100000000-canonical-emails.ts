import type { MigrationInterface, QueryRunner } from 'typeorm';

// A frozen copy of identity's canonicalEmail as it was when this ran (a migration must not
// change with later code, and the database library does not depend on identity).
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const canonical = (email: string): string =>
  email
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .trim();

/**
 * Rewrites stored emails into the canonical form sign-in now looks up (docs/identity.md), so an
 * account registered with, say, a soft hyphen in its address can still sign in. Only non-ASCII
 * addresses can differ. An address whose canonical form another account already holds is left
 * as it is: that account was a look-alike of the other one, and stays unreachable by password.
 */
export class CanonicalEmails1765100000000 implements MigrationInterface {
  name = 'CanonicalEmails1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      'SELECT `id`, `email` FROM `users` WHERE LENGTH(`email`) <> CHAR_LENGTH(`email`) ORDER BY `created_at`, `id`',
    )) as { id: string; email: string }[];
    for (const { id, email } of rows) {
      const wanted = canonical(email);
      if (wanted === email) continue;
      const holders = (await queryRunner.query(
        'SELECT `id` FROM `users` WHERE `email` = ? AND `id` <> ? LIMIT 1',
        [wanted, id],
      )) as { id: string }[];
      if (holders.length === 0)
        await queryRunner.query('UPDATE `users` SET `email` = ? WHERE `id` = ?', [wanted, id]);
    }
  }

  async down(): Promise<void> {
    // The earlier spellings are not kept: nothing to undo.
  }
}
