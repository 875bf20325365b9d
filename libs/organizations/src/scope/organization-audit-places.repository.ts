import { type AuditPlace, AuditPlaces, type ResolvedPlace } from '@lifelong/audit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface PlaceRow {
  orgUnitId: string | null;
  orgUnitPath: string | null;
  adminUnitId: string | null;
  adminUnitPath: string | null;
}

/**
 * Places audit entries in the organization trees, inside the audited transaction: a person by
 * their current membership (unless the recorder named the unit), a facility by its
 * administrative unit, each with its path as it is now (one query, by primary keys).
 */
@Injectable()
export class OrganizationAuditPlaces extends AuditPlaces {
  async resolve(manager: EntityManager, place: AuditPlace): Promise<ResolvedPlace> {
    const facilityId = place.facilityId ?? null;
    const [row] = await manager.query<PlaceRow[]>(
      `SELECT o.\`id\` AS orgUnitId, o.\`path\` AS orgUnitPath, a.\`id\` AS adminUnitId, a.\`path\` AS adminUnitPath
         FROM (SELECT 1) one
         LEFT JOIN \`org_units\` o ON o.\`id\` = COALESCE(?, (SELECT m.\`org_unit_id\` FROM \`memberships\` m WHERE m.\`current_user_id\` = ?))
         LEFT JOIN \`admin_units\` a ON a.\`id\` = COALESCE(?, (SELECT f.\`admin_unit_id\` FROM \`facilities\` f WHERE f.\`id\` = ?))`,
      [place.orgUnitId ?? null, place.userId ?? null, place.adminUnitId ?? null, facilityId],
    );
    return {
      orgUnitId: row?.orgUnitId ?? null,
      orgUnitPath: row?.orgUnitPath ?? null,
      facilityId,
      adminUnitId: row?.adminUnitId ?? null,
      adminUnitPath: row?.adminUnitPath ?? null,
    };
  }
}
