import type {} from '@fastify/cookie';
import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie carrying the refresh token for the web app (web.md "Sign-in in the browser"). */
export const REFRESH_COOKIE = 'lifelong_refresh';
/** Sent only to the routes that read it: never to pages or other api routes. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * A cookie page scripts can read that says only "this browser holds a refresh cookie", set and
 * cleared with it. A visitor who never signed in has none, so the web app knows at once that
 * nobody is signed in instead of asking the refresh route on every first page.
 */
export const SIGNED_IN_COOKIE = 'lifelong_signed_in';

/** A plain-HTTP address on this machine, where a Secure cookie would never come back. */
export function isLocalHttp(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The refresh token in an HttpOnly, SameSite=Strict cookie, so page scripts never see it and
 * other sites cannot send it; Secure everywhere but a local http:// PUBLIC_URL. API clients keep
 * using the JSON body; both are accepted.
 */
@Injectable()
export class RefreshCookie {
  constructor(private readonly config: AppConfig) {}

  set(reply: FastifyReply, refreshToken: string): void {
    const maxAge = this.config.auth.refreshTokenTtlDays * 86_400;
    void reply.setCookie(REFRESH_COOKIE, refreshToken, { ...this.attributes(), maxAge });
    void reply.setCookie(SIGNED_IN_COOKIE, '1', { ...this.markerAttributes(), maxAge });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, this.attributes());
    void reply.clearCookie(SIGNED_IN_COOKIE, this.markerAttributes());
  }

  /** The token from the JSON body, else from the cookie; undefined when neither has one. */
  read(request: FastifyRequest, fromBody: string | undefined): string | undefined {
    return fromBody ?? (request.cookies?.[REFRESH_COOKIE] || undefined);
  }

  private attributes() {
    return {
      httpOnly: true,
      secure: !isLocalHttp(this.config.http.publicUrl),
      sameSite: 'strict' as const,
      path: REFRESH_COOKIE_PATH,
    };
  }

  /** Readable by the pages (it holds no secret), on every path they live on. */
  private markerAttributes() {
    return { ...this.attributes(), httpOnly: false, path: '/' };
  }
}
