import type { TableOwnership } from '@lifelong/database';

/**
 * People, their roles, credentials, sessions and account tokens; `people_view` (name, email,
 * folded search text, what the account status reads) and `user_roles_view` (grants) for lists
 * that join people in one statement, such as a course's learners or the user directory.
 */
export const TABLES: TableOwnership = {
  owns: ['users', 'user_roles', 'refresh_tokens', 'sessions', 'account_tokens', 'user_identities'],
  readModels: ['people_view', 'user_roles_view'],
};
