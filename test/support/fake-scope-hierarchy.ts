import { type Scope, ScopeHierarchy } from '@lifelong/identity';

const key = (scope: Scope): string => `${scope.scopeType}:${scope.scopeId}`;

/**
 * Scope trees for tests, following ScopeHierarchy's contract: a scope covers itself and what
 * was added beneath it (an admin unit its child units and their facilities, an org unit its
 * child units).
 */
export class FakeScopeHierarchy extends ScopeHierarchy {
  private readonly parents = new Map<string, Scope | null>();

  /** Adds `scope` under `parent` (which must have been added before). */
  add(scope: Scope, parent: Scope | null = null): this {
    if (parent && !this.parents.has(key(parent))) throw new Error(`add ${key(parent)} first`);
    this.parents.set(key(scope), parent);
    return this;
  }

  covers(ancestor: Scope, target: Scope): Promise<boolean> {
    for (let at: Scope | null | undefined = target; at; at = this.parents.get(key(at)))
      if (key(at) === key(ancestor) && this.parents.has(key(at))) return Promise.resolve(true);
    return Promise.resolve(false);
  }

  exists(scope: Scope): Promise<boolean> {
    return Promise.resolve(this.parents.has(key(scope)));
  }
}
