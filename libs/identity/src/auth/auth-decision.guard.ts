import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IdentityError } from '../identity-error';
import { AUTH_DECISION, type AuthDecision } from './auth-decision';
import { JwtAuthGuard } from './passport.guards';
import { holdsAnyRole } from './role-checks';

/**
 * The global guard: every route must carry an auth decision (on the method, or else the class).
 * Public routes pass; the others need a valid access token; role routes also need one of the
 * roles (an unscoped admin passes). Client routes are checked by the guard their decision
 * attached (`ClientCredentials`). A route with no decision is refused (fail closed).
 */
@Injectable()
export class AuthDecisionGuard implements CanActivate {
  /** Per controller class and handler: decorators are read once, not on every request. */
  private readonly decisions = new WeakMap<object, Map<object, AuthDecision | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtAuthGuard,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const decision = this.decisionOf(context);
    if (!decision) throw IdentityError.forbidden('This route has no auth decision');
    // The route's own guard, attached with the decision, runs next and checks the credentials.
    if (decision.kind === 'client') return true;
    if (decision.kind === 'public') {
      const request = context.switchToHttp().getRequest<{ headers: { authorization?: string } }>();
      // No caller to identify: decided at once, without a promise (each one is charged again to
      // the request context's async hooks, see docs/operations.md).
      if (!decision.identifiesCaller || request.headers.authorization === undefined) return true;
    }
    return this.check(decision, context);
  }

  private decisionOf(context: ExecutionContext): AuthDecision | undefined {
    const controller = context.getClass();
    const handler = context.getHandler();
    let handlers = this.decisions.get(controller);
    if (!handlers) {
      handlers = new Map<object, AuthDecision | undefined>();
      this.decisions.set(controller, handlers);
    }
    if (!handlers.has(handler))
      handlers.set(
        handler,
        this.reflector.getAllAndOverride<AuthDecision | undefined>(AUTH_DECISION, [
          handler,
          controller,
        ]),
      );
    return handlers.get(handler);
  }

  private async check(decision: AuthDecision, context: ExecutionContext): Promise<boolean> {
    switch (decision.kind) {
      case 'public':
      case 'authenticated':
        await this.jwt.authenticate(context.switchToHttp().getRequest());
        return true;
      case 'client':
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
