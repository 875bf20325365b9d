import type { TableOwnership } from '@lifelong/database';

/** People, their roles, credentials, sessions and account tokens. */
export const TABLES: TableOwnership = {
  owns: ['users', 'user_roles', 'refresh_tokens', 'sessions', 'account_tokens', 'user_identities'],
};
