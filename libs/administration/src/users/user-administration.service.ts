import { CommonError, type Page, type PageQuery } from '@lifelong/common';
import { AccessPolicy, type AccountStatus, type Principal, type Role } from '@lifelong/identity';
import { OrgUnitsService, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { DIRECTORY_READERS } from '../policies';
import { ReaderPlacesResolver } from '../reader-places.service';
import { type DirectoryEntry, UserDirectory } from './user-directory.service';

export interface UserSearch {
  q?: string;
  orgUnitId?: string;
  role?: Role;
  status?: AccountStatus;
}

/** Finding people: the caller's scopes decide whom they find. */
@Injectable()
export class UserAdministration {
  constructor(
    private readonly access: AccessPolicy,
    private readonly places: ReaderPlacesResolver,
    private readonly directory: UserDirectory,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  /** 400 for an org unit that does not exist; a unit outside the caller's scopes finds nobody. */
  async search(
    principal: Principal,
    search: UserSearch,
    query: PageQuery,
  ): Promise<Page<DirectoryEntry>> {
    const places = await this.places.of(this.access.reach(principal, DIRECTORY_READERS));
    let orgUnitPattern: string | undefined;
    if (search.orgUnitId !== undefined) {
      const unit = await this.orgUnits.findById(search.orgUnitId);
      if (!unit)
        throw new CommonError('VALIDATION_FAILED', 'The request has invalid fields', 'invalid', {
          fields: { orgUnitId: ['no org unit has this id'] },
        });
      orgUnitPattern = subtreePattern(unit.path);
    }
    return this.directory.search(
      { q: search.q, orgUnitPattern, role: search.role, status: search.status },
      places,
      query,
    );
  }
}
