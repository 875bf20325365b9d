import { AuditModule } from '@lifelong/audit';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountAdministration } from './accounts/account-administration.service';
import { AccountLinkTokens } from './accounts/account-link-tokens.service';
import { AccountStatuses } from './accounts/account-status.service';
import { AccountToken } from './accounts/account-token.entity';
import { AccountTokensRepository } from './accounts/account-tokens.repository';
import { PasswordRecovery } from './accounts/password-recovery.service';
import { AccessPolicy } from './auth/access-policy.service';
import { AdministratorBootstrap } from './bootstrap/administrator-bootstrap.service';
import { CredentialsService } from './credentials/credentials.service';
import { PasswordHasher } from './credentials/password-hasher.service';
import { RoleGrantsService } from './grants/role-grants.service';
import { RegistrationService } from './registration/registration.service';
import { Session } from './sessions/session.entity';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { IdentityLinksRepository } from './sso/identity-links.repository';
import { OidcProviders } from './sso/oidc-providers.service';
import { SignInFlows } from './sso/sign-in-flows.service';
import { SingleSignOn } from './sso/single-sign-on.service';
import { UserIdentity } from './sso/user-identity.entity';
import { AccessTokenService } from './tokens/access-token.service';
import { RefreshToken } from './tokens/refresh-token.entity';
import { UserAccounts } from './users/user-accounts.service';
import { User } from './users/user.entity';
import { UserRole } from './users/user-role.entity';
import { AccountBatchesRepository } from './users/account-batches.repository';
import { UserLookup } from './users/user-lookup.service';
import { UsersRepository } from './users/users.repository';

/** What this lib's routes and jobs, other domains and the demo seeder use. */
const SERVICES = [
  AccountAdministration,
  AccountBatchesRepository,
  AccountLinkTokens,
  AccountStatuses,
  PasswordRecovery,
  AccessPolicy,
  AccessTokenService,
  CredentialsService,
  PasswordHasher,
  RegistrationService,
  RoleGrantsService,
  SessionsService,
  SingleSignOn,
  UserAccounts,
  UserLookup,
  UsersRepository,
];

/**
 * Stays inside: the account tokens' and sessions' repositories, single sign-on's providers,
 * flows and links, and the first administrator (the migrate command looks it up with get(),
 * which needs no export).
 */
const INTERNAL = [
  AccountTokensRepository,
  AdministratorBootstrap,
  IdentityLinksRepository,
  OidcProviders,
  SessionsRepository,
  SignInFlows,
];

/**
 * Users, credentials, tokens, roles and scopes: services for other domains. Needs AppConfig,
 * Clock and the database; scope checks need a `ScopeHierarchy` bound by a global module.
 */
@Module({
  // The secret is passed per call from AppConfig, so nothing is configured here.
  imports: [
    TypeOrmModule.forFeature([User, UserRole, RefreshToken, Session, AccountToken, UserIdentity]),
    JwtModule.register({}),
    AuditModule,
  ],
  providers: [...SERVICES, ...INTERNAL],
  exports: SERVICES,
})
export class IdentityModule {}
