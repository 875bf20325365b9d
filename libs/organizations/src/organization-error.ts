import { DomainError } from '@lifelong/common';
import { QueryFailedError } from 'typeorm';

export type OrganizationErrorCode =
  | 'ADMIN_UNIT_CODE_TAKEN'
  | 'ADMIN_UNIT_NOT_FOUND'
  | 'FACILITY_CODE_TAKEN'
  | 'ORG_UNIT_CODE_TAKEN'
  | 'ORG_UNIT_NOT_FOUND'
  | 'PARENT_NOT_FOUND'
  | 'TREE_TOO_DEEP'
  | 'USER_NOT_FOUND'
  | 'MEMBER_OUTSIDE_SCOPE'
  | 'STAFF_IMPORT_NOT_FOUND'
  | 'STAFF_IMPORT_EMPTY';

/** A refusal from the organizations domain. */
export class OrganizationError extends DomainError<OrganizationErrorCode> {}

/** True when `error` is MySQL's duplicate-key error on the named unique index. */
export function isDuplicateKey(error: unknown, indexName: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; sqlMessage?: string } | undefined;
  return driverError?.code === 'ER_DUP_ENTRY' && (driverError.sqlMessage ?? '').includes(indexName);
}
