/** Where an account stands, as administrators and staff lists see it. */
export const ACCOUNT_STATUSES = ['active', 'invited', 'uninvited', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * THE account status rule, as an SQL expression over the `users` row aliased `alias`, so lists
 * filter and page by status in the database. Every status shown anywhere comes from here.
 *
 * Provisional: accounts have no invitations or deactivation yet, so an account with a password
 * is `active` and one without is `uninvited`; `invited` and `deactivated` cannot occur. The
 * invitations and deactivation work replaces this one function (its columns decide those two).
 */
export function accountStatusSql(alias: string): string {
  return `(CASE WHEN ${alias}.\`password_hash\` IS NOT NULL THEN 'active' ELSE 'uninvited' END)`;
}
