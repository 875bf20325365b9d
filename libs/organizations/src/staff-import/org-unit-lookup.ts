import type { OrgUnitRef, OrgUnitsRepository } from '../org-units/org-units.repository';

const key = (code: string): string => code.toLowerCase();

/** Resolves org unit codes for one import run: each code is queried once, in batches. */
export class OrgUnitLookup {
  private readonly known = new Map<string, OrgUnitRef | null>();

  constructor(private readonly orgUnits: OrgUnitsRepository) {}

  /** The units for these codes (missing codes are absent from the result). */
  async resolve(codes: readonly string[]): Promise<Map<string, OrgUnitRef>> {
    const unknown = [...new Set(codes.map(key))].filter((code) => !this.known.has(code));
    if (unknown.length > 0) {
      const rows = await this.orgUnits.refsByCodes(unknown);
      for (const code of unknown) this.known.set(code, null);
      for (const row of rows) this.known.set(key(row.code), { id: row.id, path: row.path });
    }
    const found = new Map<string, OrgUnitRef>();
    for (const code of codes) {
      const unit = this.known.get(key(code));
      if (unit) found.set(code, unit);
    }
    return found;
  }
}
