import type { Scope } from '../auth/scope';

/**
 * Where a person works, as identity needs it to decide who may manage their account: the org
 * units of their current memberships. Organizations binds it (like ScopeHierarchy).
 */
export abstract class PersonPlacements {
  /** The scopes the person is currently placed in (none for someone outside every unit). */
  abstract placesOf(userId: string): Promise<Scope[]>;
}
