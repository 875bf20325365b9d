import { AUTHOR_ROLES } from '@lifelong/courses';
import type { Role } from '@lifelong/identity';

/** Who uploads a lesson's cmi5 package: the course's authors (checked against its facility). */
export const PACKAGE_UPLOADERS: readonly Role[] = AUTHOR_ROLES;
