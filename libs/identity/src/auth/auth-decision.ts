import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  type Type,
  UseGuards,
} from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiExtension } from '@nestjs/swagger';

/** Every role a user can hold (domain.md, People and roles). */
export const ROLES = [
  'learner',
  'instructor',
  'facility_admin',
  'org_manager',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
/** What a role can be scoped to; the grant covers that scope's subtree. */
export const SCOPE_TYPES = ['facility', 'org_unit', 'admin_unit'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** One role held, unscoped (both scope fields null) or within one scope. */
export interface RoleGrant {
  role: Role;
  scopeType: ScopeType | null;
  scopeId: string | null;
}

/** Who is calling: set by the global auth guard from a verified access token. */
export interface Principal {
  userId: string;
  email: string;
  roles: RoleGrant[];
  /** The session the access token belongs to (absent on tokens minted outside a sign-in). */
  sessionId?: string;
}

/**
 * Every route states who may call it, with exactly one of these. A route with none is refused
 * at runtime (403) and fails the route-audit test.
 */
export const AUTH_DECISION = Symbol('lifelong:auth-decision');
/** The metadata a decision decorator leaves under {@link AUTH_DECISION}. */
export type AuthDecision =
  | { kind: 'public'; identifiesCaller?: boolean }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'client'; realm: string };

/**
 * Anyone, no token needed. With `identifiesCaller`, for answers that depend on who asks (staff
 * see a draft): a request without `Authorization` goes on anonymously; one with a token must
 * carry a valid one (401 otherwise), and the caller is then available via {@link OptionalCaller}.
 */
export const Public = (
  options: { identifiesCaller?: boolean } = {},
): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_DECISION, { kind: 'public', ...options } satisfies AuthDecision);

/** Any signed-in user; finer checks (own records, scope) happen in the service. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_DECISION, { kind: 'authenticated' } satisfies AuthDecision),
    ApiBearerAuth(),
  );

/**
 * A signed-in user holding at least one of these roles (in any scope). Whether that scope covers
 * the resource is checked by the service with the scope rules.
 */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_DECISION, { kind: 'roles', roles } satisfies AuthDecision),
    ApiBearerAuth(),
    // Documented as an extension: an OpenAPI security entry would read as "bearer OR roles".
    ApiExtension('x-required-roles', roles),
  );

/**
 * A machine client with credentials of its own (not a person's token), checked by `guard`,
 * which this same decorator attaches to the route: the decision cannot be declared without the
 * check. `realm` names the credentials in the OpenAPI document (an HTTP Basic scheme).
 */
export const ClientCredentials = (
  realm: string,
  guard: Type<CanActivate>,
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_DECISION, { kind: 'client', realm } satisfies AuthDecision),
    UseGuards(guard),
    ApiBasicAuth(realm),
  );

/** The caller of a `@Public({ identifiesCaller: true })` route, or null when anonymous. */
export const OptionalCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null =>
    context.switchToHttp().getRequest<{ user?: Principal }>().user ?? null,
);

/** The verified caller of an authenticated route. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const request = context.switchToHttp().getRequest<{ user?: Principal }>();
    if (!request.user)
      throw new Error('CurrentUser used on a route without an authenticated decision');
    return request.user;
  },
);
