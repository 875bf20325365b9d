import type { ScopeType } from './auth-decision';

/** A facility, an org unit or an administrative unit, by id. */
export interface Scope {
  scopeType: ScopeType;
  scopeId: string;
}

/**
 * The organization trees as identity needs them: whether one scope lies inside another.
 * Identity cannot depend on organizations, so organizations provides the implementation
 * (a global provider bound to this class).
 *
 * Coverage: an `admin_unit` covers its descendant admin units and the facilities located in them;
 * an `org_unit` covers its descendant org units; a `facility` covers only itself.
 * Every scope covers itself.
 */
export abstract class ScopeHierarchy {
  /** True when `target` is `ancestor` or lies in its subtree. */
  abstract covers(ancestor: Scope, target: Scope): Promise<boolean>;

  /** True when the scope names an existing admin unit, facility or org unit. */
  abstract exists(scope: Scope): Promise<boolean>;
}
