import type {} from '@fastify/cookie';
import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SIGN_IN_FLOW_TTL_SECONDS } from '../sso/sign-in-flows.service';
import { isLocalHttp } from './refresh-cookie.service';

/** The cookie naming the single sign-on this browser started. */
export const SIGN_IN_FLOW_COOKIE = 'lifelong_sso';

/**
 * Ties a provider's callback to the browser that started the sign-in (so nobody can sign
 * someone else in to their own account by sending them a callback link). HttpOnly, sent only to
 * that provider's callback route, and SameSite=Lax: the callback is a navigation coming back from
 * the provider's site, which a Strict cookie would not be sent with.
 */
@Injectable()
export class SignInFlowCookie {
  constructor(private readonly config: AppConfig) {}

  set(reply: FastifyReply, providerId: string, flowId: string): void {
    void reply.setCookie(SIGN_IN_FLOW_COOKIE, flowId, {
      ...this.attributes(providerId),
      maxAge: SIGN_IN_FLOW_TTL_SECONDS,
    });
  }

  clear(reply: FastifyReply, providerId: string): void {
    void reply.clearCookie(SIGN_IN_FLOW_COOKIE, this.attributes(providerId));
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[SIGN_IN_FLOW_COOKIE] || undefined;
  }

  private attributes(providerId: string) {
    return {
      httpOnly: true,
      secure: !isLocalHttp(this.config.http.publicUrl),
      sameSite: 'lax' as const,
      path: `/api/v1/auth/oidc/${providerId}/callback`,
    };
  }
}
