import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { CredentialsService } from '../credentials/credentials.service';
import { IdentityError } from '../identity-error';
import { UsersRepository } from '../users/users.repository';
import type { Principal } from './auth-decision';
import { LoginThrottle } from './login-throttle.service';

/** passport-local: email and password from the body, rate-limited per IP and per account. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly throttle: LoginThrottle,
    private readonly users: UsersRepository,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<Principal> {
    await this.throttle.attempt(request.ip, email);
    const userId = await this.credentials.verify(email, password);
    if (!userId) throw new IdentityError('INVALID_CREDENTIALS', 'The email or password is wrong');
    await this.throttle.succeeded(request.ip, email);
    // Told only to someone who knows the password: a switched-off account, not a wrong one.
    if (!(await this.users.maySignIn(userId))) throw IdentityError.deactivated();
    const profile = await this.users.findProfile(userId);
    if (!profile) throw new IdentityError('INVALID_CREDENTIALS', 'The email or password is wrong');
    return { userId: profile.id, email: profile.email, roles: profile.roles };
  }
}
