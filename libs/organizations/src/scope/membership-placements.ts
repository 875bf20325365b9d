import { PersonPlacements, type Scope } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Where a person is placed, for identity's account-management checks: the org units of their
 * current memberships (one index range on `current_user_id`).
 */
@Injectable()
export class MembershipPlacements extends PersonPlacements {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async placesOf(userId: string): Promise<Scope[]> {
    const rows = await this.dataSource.query<{ orgUnitId: string }[]>(
      'SELECT `org_unit_id` AS orgUnitId FROM `memberships` WHERE `current_user_id` = ?',
      [userId],
    );
    return rows.map((row) => ({ scopeType: 'org_unit', scopeId: row.orgUnitId }));
  }
}
