import type { TableOwnership } from '@lifelong/database';

/** LRS clients' credentials, the statements and their index of named agents and activities. */
export const TABLES: TableOwnership = {
  owns: [
    'lrs_clients',
    'xapi_statements',
    'xapi_statement_links',
    'xapi_documents',
    'lrs_forwards',
    'xapi_attachments',
    'xapi_statement_refs',
  ],
};
