import { DomainError } from '@lifelong/common';

export type OrganizationErrorCode =
  | 'ADMIN_UNIT_CODE_TAKEN'
  | 'ADMIN_UNIT_NOT_FOUND'
  | 'FACILITY_CODE_TAKEN'
  | 'ORG_UNIT_CODE_TAKEN'
  | 'ORG_UNIT_NOT_FOUND'
  | 'ORG_UNIT_MOVE_CYCLE'
  | 'PARENT_NOT_FOUND'
  | 'TREE_TOO_DEEP'
  | 'USER_NOT_FOUND'
  | 'MEMBER_OUTSIDE_SCOPE'
  | 'STAFF_IMPORT_NOT_FOUND'
  | 'STAFF_IMPORT_EMPTY';

/** A refusal from the organizations domain. */
export class OrganizationError extends DomainError<OrganizationErrorCode> {}
