/**
 * The append-only audit trail. (Shaped as `TableOwnership` from libs/database, which audit does
 * not build on: the ownership test reads it all the same.)
 */
export const TABLES = { owns: ['audit_entries'] } as const;
