/**
 * Identity: users, credentials, access and refresh tokens, roles and scopes, and the global
 * guard that enforces every route's auth decision.
 *
 * Import {@link IdentityModule} for the services below; the api adds
 * {@link IdentityHttpModule} (routes and the global guard). Scope checks need a
 * {@link ScopeHierarchy}, which identity declares and organizations binds in a global module.
 */

/** The auth-decision decorators, `Principal`, roles and scope types. */
export * from './auth/auth-decision';
/** `Scope` and the abstract `ScopeHierarchy` (bound by organizations). */
export * from './auth/scope';
/** Services for other domains; needs AppConfig, Clock and the database. */
export * from './identity.module';
/** Identity's recurring jobs (worker only): the purge of spent sessions and links. */
export * from './identity.worker.module';
/** Identity's routes and the global auth guard (api only). */
export * from './identity.http.module';
/** `IdentityError` and its codes. */
export * from './identity-error';
/** The account entity, for relations from other domains. */
export * from './users/user.entity';
/** Scope checks for every domain: `covers`, `assertCovers`, `reach`. */
export { AccessPolicy } from './auth/access-policy.service';
/** Pure role checks on a Principal. */
export { holdsAnyRole, isPlatformAdmin, roleReach, type RoleReach } from './auth/role-checks';
/** argon2id hashing, for other credentials that are secrets (LRS clients' secrets). */
export { PasswordHasher } from './credentials/password-hasher.service';
/** Issues and verifies access tokens (also for routes outside Nest, like Bull Board). */
export { AccessTokenService } from './tokens/access-token.service';
/** The first administrator (`npm run migrate`). */
export {
  AdministratorBootstrap,
  type AdministratorStatus,
} from './bootstrap/administrator-bootstrap.service';
/** Accounts made by the platform (demo data, imports), idempotently. */
export { UserAccounts, type WantedAccount } from './users/user-accounts.service';
/** Read port for other domains: who exists, their facilities, a person's grants as a Principal. */
export { UserLookup } from './users/user-lookup.service';
export {
  AccountBatchesRepository,
  type AccountDetails,
  type BatchAccount,
} from './users/account-batches.repository';
export type { Contact } from './users/users.repository';
/** Granting and revoking roles within the granter's scopes; `assign` for trusted callers. */
export { RoleGrantsService } from './grants/role-grants.service';
/** Which scopes each role may be granted in, and a grant as a client sends it. */
export { type RequestedGrant, SCOPE_TYPES_BY_ROLE } from './grants/grant-rule';
/** A user as the api shows it. */
export type { UserProfile } from './users/user-profile';
/** How emails and names are stored (trimmed, lower-cased email; NFC name). */
export { canonicalEmail, normalizeFullName } from './users/user-input';
/** Where an account stands: one status for every list (staff, user administration). */
export {
  ACCOUNT_STATUSES,
  type AccountStatus,
  AccountStatuses,
  accountStatusSql,
  personStatusSql,
} from './accounts/account-status.service';
/** Who may manage a person's account (invite, deactivate). */
export { AccountAdministration } from './accounts/account-administration.service';
export { ACCOUNT_MANAGERS, GRANTERS } from './policies';
/** Issuing invitations in a caller's transaction (the staff import invites whom it created). */
/** The one-time link tokens and their web-app links (the email sender derives them). */
export { ACCOUNT_LINK_PAGES, AccountLinkTokens } from './accounts/account-link-tokens.service';
/** Where a person is placed (bound by organizations), for account-management scope checks. */
export { PersonPlacements } from './accounts/person-placements';
/** Sessions: one per sign-in (refresh-token family). */
export { Session } from './sessions/session.entity';
/** One-time account links (invitations, password resets), stored hashed. */
export {
  ACCOUNT_TOKEN_PURPOSES,
  AccountToken,
  type AccountTokenPurpose,
} from './accounts/account-token.entity';
/** Identities at OpenID Connect providers linked to accounts. */
export { IdentityLinksRepository } from './sso/identity-links.repository';
/** What `users.search_text` holds: every writer of a name or email writes it too. */
export { userSearchText } from './users/user-search';
