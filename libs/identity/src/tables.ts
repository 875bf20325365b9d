import type { TableOwnership } from '@lifelong/database';

/**
 * People, their roles, credentials, sessions and account tokens; `people_view` (name, email,
 * folded search text) for lists that join people in one statement, such as a course's learners.
 */
export const TABLES: TableOwnership = {
  owns: ['users', 'user_roles', 'refresh_tokens', 'sessions', 'account_tokens', 'user_identities'],
  readModels: ['people_view'],
};
