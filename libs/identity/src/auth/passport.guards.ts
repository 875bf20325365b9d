import { createValidationPipe, setRequestActor } from '@lifelong/common';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { LoginDto } from '../http/auth.dto';
import { IdentityError } from '../identity-error';
import type { Principal } from './auth-decision';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { runStrategy } from './run-strategy';

type AuthenticatedRequest = FastifyRequest & { user?: Principal };

/** Checks the Bearer access token with passport-jwt; any failure is 401 `UNAUTHENTICATED`. */
@Injectable()
export class JwtAuthGuard {
  constructor(private readonly strategy: JwtStrategy) {}

  /** Sets and returns `request.user`. */
  async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    // Errors from the strategy are IdentityErrors (401) or an outage, which must not read as 401.
    const principal = await runStrategy<Principal>(this.strategy, request);
    if (!principal) throw IdentityError.unauthenticated();
    request.user = principal;
    // The audit log reads who acted from the request context, not from every service signature.
    setRequestActor(principal.userId);
    return principal;
  }
}

/**
 * Runs passport-local on `POST /auth/login`. Guards run before pipes, so the body is validated
 * here first: a malformed body is a 400 with field details, like on every other route.
 */
@Injectable()
export class LocalLoginGuard implements CanActivate {
  private readonly validation = createValidationPipe();

  constructor(private readonly strategy: LocalStrategy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    await this.validation.transform(request.body, { type: 'body', metatype: LoginDto });
    const principal = await runStrategy<Principal>(this.strategy, request);
    if (!principal)
      throw new IdentityError('INVALID_CREDENTIALS', 'The email or password is wrong');
    request.user = principal;
    return true;
  }
}
