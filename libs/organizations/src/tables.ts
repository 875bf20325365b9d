import type { TableOwnership } from '@lifelong/database';

/**
 * The administrative and org-unit trees, facilities, memberships and staff imports; and, as
 * read models, the org-unit tree and memberships as views for other domains' reports that join
 * many domains in one statement (training's targets and compliance roll-ups), and the
 * administrative tree and facilities for programme monitoring, and employee codes for the user
 * directory.
 */
export const TABLES: TableOwnership = {
  owns: [
    'admin_units',
    'facilities',
    'org_units',
    'memberships',
    'staff_profiles',
    'staff_imports',
    'staff_import_chunks',
    'staff_import_errors',
  ],
  readModels: [
    'org_units_view',
    'memberships_view',
    'admin_units_view',
    'facilities_view',
    'staff_profiles_view',
  ],
};
