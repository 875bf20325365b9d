import { notFound } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { isWithin } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { DIRECTORY_READERS } from '../policies';
import { ReaderPlacesResolver } from '../reader-places.service';
import { type DirectoryEntry, UserDirectory } from './user-directory.service';
import {
  type AssignmentLine,
  type EnrollmentLine,
  type MembershipLine,
  UserPageRepository,
} from './user-page.repository';

/**
 * The user page: the person, and each part only for a reader allowed to see it (null otherwise).
 * Memberships and assignments are the business of whoever covers the person's org unit;
 * enrollments are shown for courses of facilities the reader covers (or, to an org-unit reader,
 * the ones mandated training made).
 */
export interface UserPageView extends DirectoryEntry {
  memberships: MembershipLine[] | null;
  enrollments: EnrollmentLine[] | null;
  assignments: AssignmentLine[] | null;
}

/** The most recent lines of each part shown on the page. */
export const USER_PAGE_LINES = 100;

@Injectable()
export class UserPages {
  constructor(
    private readonly lines: UserPageRepository,
    private readonly access: AccessPolicy,
    private readonly places: ReaderPlacesResolver,
    private readonly directory: UserDirectory,
  ) {}

  /** 404 for a person who does not exist or whom the reader's scopes do not reach. */
  async view(principal: Principal, userId: string): Promise<UserPageView> {
    const places = await this.places.of(this.access.reach(principal, DIRECTORY_READERS));
    const entry = await this.directory.find(userId, places);
    if (!entry) throw notFound('The user', { userId });
    const coversUnit =
      places.everywhere ||
      (entry.orgUnitPath !== null &&
        places.orgUnitPaths.some((path) => isWithin(entry.orgUnitPath ?? '', path)));
    const [memberships, enrollments, assignments] = await Promise.all([
      coversUnit ? this.lines.memberships(userId, USER_PAGE_LINES) : null,
      this.lines.enrollments(userId, places, coversUnit, USER_PAGE_LINES),
      coversUnit ? this.lines.assignments(userId, USER_PAGE_LINES) : null,
    ]);
    return { ...entry, memberships, enrollments, assignments };
  }
}
