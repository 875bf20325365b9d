/**
 * The tables a lib owns (architecture.md: a lib owns its tables). Only the owner's code names
 * them in SQL or imports their entities; other domains ask through the owner's read ports. A
 * report that must join many domains in one statement reads a `readModels` view instead: a
 * view the owner publishes for that purpose, named as such. `libs/database/test/table-ownership.spec.ts`
 * checks every lib's declaration against the migrations and its code.
 */
export interface TableOwnership {
  /** Tables created by the migrations that only this lib reads and writes. */
  readonly owns: readonly string[];
  /** Views this lib publishes for other domains' reports (read-only, documented where created). */
  readonly readModels?: readonly string[];
}
