import { forbidden } from '@lifelong/common';
import type { AccessPolicy, Principal, Role, Scope } from '@lifelong/identity';

/**
 * May `principal` add a node under `parent` in one of `roles`? Under a parent, a grant covering
 * the parent is enough; a new root needs a grant that reaches everywhere (an unscoped admin).
 */
export async function assertMayPlaceUnder(
  access: AccessPolicy,
  principal: Principal,
  roles: readonly Role[],
  parent: Scope | null,
): Promise<void> {
  if (parent) return access.assertCovers(principal, roles, parent);
  if (!access.reach(principal, roles).everywhere)
    throw forbidden('Only a platform administrator may add a root unit');
}
