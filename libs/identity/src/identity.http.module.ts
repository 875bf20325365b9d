import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PasswordResetThrottle } from './accounts/password-reset-throttle.service';
import { AccessPolicy } from './auth/access-policy.service';
import { AuthDecisionGuard } from './auth/auth-decision.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { LoginThrottle } from './auth/login-throttle.service';
import { JwtAuthGuard, LocalLoginGuard } from './auth/passport.guards';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { OidcController } from './http/oidc.controller';
import { RefreshCookie } from './http/refresh-cookie.service';
import { UserAccountsController } from './http/user-accounts.controller';
import { SignInFlowCookie } from './http/sign-in-flow-cookie.service';
import { UserRolesController } from './http/user-roles.controller';
import { IdentityModule } from './identity.module';
import { RegistrationThrottle } from './registration/registration-throttle.service';

/**
 * Identity's routes, and the global guard that enforces every route's auth decision.
 * Imported by the api only, next to a module binding ScopeHierarchy (organizations).
 */
@Module({
  imports: [IdentityModule],
  controllers: [
    AuthController,
    MeController,
    OidcController,
    UserRolesController,
    UserAccountsController,
  ],
  providers: [
    JwtStrategy,
    LocalStrategy,
    JwtAuthGuard,
    LocalLoginGuard,
    LoginThrottle,
    RegistrationThrottle,
    PasswordResetThrottle,
    RefreshCookie,
    SignInFlowCookie,
    { provide: APP_GUARD, useClass: AuthDecisionGuard },
  ],
})
export class IdentityHttpModule implements OnApplicationBootstrap {
  constructor(private readonly policy: AccessPolicy) {}

  /** The api serves scoped routes: it refuses to start unless a ScopeHierarchy is bound. */
  onApplicationBootstrap(): void {
    this.policy.scopes();
  }
}
