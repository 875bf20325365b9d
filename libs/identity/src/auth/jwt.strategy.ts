import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-jwt';
import { AccessTokenService } from '../tokens/access-token.service';
import type { Principal } from './auth-decision';

/** Exactly `Bearer <token>`: anything else (other schemes, trailing words) is no token. */
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

export function bearerToken(request: Pick<FastifyRequest, 'headers'>): string | null {
  return BEARER.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/**
 * passport-jwt reads `Authorization: Bearer <token>` and checks the signature (HS256 only).
 * Expiry is checked against the Clock, and the roles loaded, by {@link AccessTokenService}.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly accessTokens: AccessTokenService) {
    const { secret, algorithms } = accessTokens.verificationOptions();
    super({
      jwtFromRequest: bearerToken,
      secretOrKey: secret,
      algorithms,
      ignoreExpiration: true,
    });
  }

  validate(claims: unknown): Promise<Principal> {
    return this.accessTokens.principalFor(claims);
  }
}
