import { AppConfig } from '@lifelong/common';
import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth-decision';
import { SingleSignOn } from '../sso/single-sign-on.service';
import { SsoFailure } from '../sso/sso-failure';
import { OidcProviderResponse, OidcStartQuery } from './oidc.dto';
import { RefreshCookie } from './refresh-cookie.service';
import { SignInFlowCookie } from './sign-in-flow-cookie.service';

const PROVIDER_PARAM = { name: 'provider', description: 'A provider id from the providers list' };

/**
 * Single sign-on with OpenID Connect (api.md, Accounts). The start and callback routes are
 * browser navigations, so they answer with redirects, failures included: a person lands on the
 * sign-in page with a reason it explains, never on a JSON error.
 */
@ApiTags('identity')
@Controller('api/v1/auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly sso: SingleSignOn,
    private readonly flowCookie: SignInFlowCookie,
    private readonly refreshCookie: RefreshCookie,
    private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @Public()
  @ApiOkResponse({ type: [OidcProviderResponse], description: 'The configured providers' })
  providers(): OidcProviderResponse[] {
    return this.sso.providers();
  }

  @Get(':provider/start')
  @Public()
  @ApiParam(PROVIDER_PARAM)
  @ApiResponse({
    status: 302,
    description:
      "To the provider's sign-in page; sets the lifelong_sso cookie for the callback. To /sign-in?sso=failed&reason=unavailable when the provider cannot be reached",
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: returnTo is not a path of this site' })
  @ApiNotFoundResponse({ description: 'SSO_PROVIDER_NOT_FOUND' })
  async start(
    @Param('provider') providerId: string,
    @Query() query: OidcStartQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.sso.provider(providerId); // 404 before anything else
    try {
      const started = await this.sso.start(providerId, query.returnTo);
      this.flowCookie.set(reply, providerId, started.flowId);
      this.redirect(reply, started.authorizationUrl);
    } catch (error) {
      if (!(error instanceof SsoFailure)) throw error;
      this.failed(reply, error);
    }
  }

  @Get(':provider/callback')
  @Public()
  @ApiParam(PROVIDER_PARAM)
  @ApiQuery({ name: 'code', required: false, description: "The provider's authorization code" })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'error', required: false, description: 'Set by the provider on refusal' })
  @ApiResponse({
    status: 302,
    description:
      'Signed in: to the returnTo path, with the refresh cookie set (the web app refreshes from it). Otherwise to /sign-in?sso=failed&reason=state|provider|denied|token|unavailable|account',
  })
  async callback(
    @Param('provider') providerId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const flowId = this.flowCookie.read(request);
    if (this.sso.hasProvider(providerId)) this.flowCookie.clear(reply, providerId);
    const query = new URL(request.url, 'http://callback.invalid').searchParams;
    try {
      const finished = await this.sso.finish(providerId, flowId, query);
      this.refreshCookie.set(reply, finished.session.refreshToken);
      this.redirect(reply, `${this.config.http.publicUrl}${finished.returnTo}`);
    } catch (error) {
      if (!(error instanceof SsoFailure)) throw error;
      this.failed(reply, error);
    }
  }

  private failed(reply: FastifyReply, failure: SsoFailure): void {
    this.logger.warn(failure.message);
    this.redirect(
      reply,
      `${this.config.http.publicUrl}/sign-in?sso=failed&reason=${failure.reason}`,
    );
  }

  private redirect(reply: FastifyReply, location: string): void {
    // Never cached: each answer carries a one-time flow or session.
    void reply.header('cache-control', 'no-store').redirect(location, 302);
  }
}
