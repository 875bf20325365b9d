import { CreateUsers1764403200000 } from './1764403200000-create-users';
import { CreateOutboxEvents1764403210000 } from './1764403210000-create-outbox-events';
import { CreateUserRoles1764403300000 } from './1764403300000-create-user-roles';
import { CreateRefreshTokens1764403310000 } from './1764403310000-create-refresh-tokens';
import { CreateOrganizations1764403400000 } from './1764403400000-create-organizations';
import { CreateStaffImports1764403410000 } from './1764403410000-create-staff-imports';

/**
 * Every migration, in order. Listed explicitly (never globbed from dist/) so bundles and
 * tests run exactly these. Add new ones at the end.
 */
export const MIGRATIONS = [
  CreateUsers1764403200000,
  CreateOutboxEvents1764403210000,
  CreateUserRoles1764403300000,
  CreateRefreshTokens1764403310000,
  CreateOrganizations1764403400000,
  CreateStaffImports1764403410000,
];
