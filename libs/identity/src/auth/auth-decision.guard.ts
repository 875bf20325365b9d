import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IdentityError } from '../identity-error';
import { AUTH_DECISION, type AuthDecision } from './auth-decision';
import { JwtAuthGuard } from './passport.guards';
import { holdsAnyRole } from './role-checks';

/**
 * The global guard: every route must carry an auth decision (on the method, or else the class).
 * Public routes pass; the others need a valid access token; role routes also need one of the
 * roles (an unscoped admin passes). A route with no decision is refused (fail closed).
 */
@Injectable()
export class AuthDecisionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtAuthGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const decision = this.reflector.getAllAndOverride<AuthDecision | undefined>(AUTH_DECISION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!decision) throw IdentityError.forbidden('This route has no auth decision');
    switch (decision.kind) {
      case 'public': {
        const request = context
          .switchToHttp()
          .getRequest<{ headers: { authorization?: string } }>();
        if (decision.identifiesCaller && request.headers.authorization !== undefined)
          await this.jwt.authenticate(context.switchToHttp().getRequest());
        return true;
      }
      case 'authenticated':
        await this.jwt.authenticate(context.switchToHttp().getRequest());
        return true;
      case 'roles': {
        const principal = await this.jwt.authenticate(context.switchToHttp().getRequest());
        if (!holdsAnyRole(principal, decision.roles))
          throw IdentityError.forbidden(`This needs one of the roles ${decision.roles.join(', ')}`);
        return true;
      }
    }
  }
}
