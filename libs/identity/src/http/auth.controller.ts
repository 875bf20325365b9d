import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, type Principal, Public } from '../auth/auth-decision';
import { LocalLoginGuard } from '../auth/passport.guards';
import { RegistrationService } from '../registration/registration.service';
import { IdentityError } from '../identity-error';
import { SessionsService } from '../sessions/sessions.service';
import { LoginDto, RefreshTokenDto, RegisterDto } from './auth.dto';
import { REFRESH_COOKIE, RefreshCookie } from './refresh-cookie';
import { SessionResponse, TokenPairResponse } from './user.response';

@ApiTags('identity')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionsService,
    private readonly cookie: RefreshCookie,
  ) {}

  private presented(request: FastifyRequest, body: RefreshTokenDto): string {
    const token = this.cookie.read(request, body.refreshToken);
    if (!token)
      throw new IdentityError(
        'REFRESH_TOKEN_INVALID',
        `No refresh token: send refreshToken in the body or the ${REFRESH_COOKIE} cookie`,
      );
    return token;
  }

  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: SessionResponse, description: 'The new account, signed in' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  async register(
    @Body() body: RegisterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const session = await this.registration.register(body);
    this.cookie.set(reply, session.refreshToken);
    return SessionResponse.fromSession(session);
  }

  @Post('login')
  @Public()
  @UseGuards(LocalLoginGuard)
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with a Retry-After header' })
  async login(
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const session = await this.sessions.open(principal.userId);
    this.cookie.set(reply, session.refreshToken);
    return SessionResponse.fromSession(session);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairResponse,
    description:
      'The presented token (body, else the lifelong_refresh cookie) stops working; the new one is in the body and the cookie',
  })
  @ApiUnauthorizedResponse({
    description:
      'REFRESH_TOKEN_INVALID (also when neither body nor cookie has one); REFRESH_TOKEN_REUSED (the whole sign-in is ended)',
  })
  async refresh(
    @Body() body: RefreshTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairResponse> {
    try {
      const pair = await this.sessions.refresh(this.presented(request, body));
      this.cookie.set(reply, pair.refreshToken);
      return TokenPairResponse.from(pair);
    } catch (error) {
      // A refused token is worth nothing to keep: the browser stops presenting it.
      this.cookie.clear(reply);
      throw error;
    }
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'The sign-in of this refresh token (body, else cookie) is ended; the cookie is cleared',
  })
  @ApiUnauthorizedResponse({
    description: 'REFRESH_TOKEN_INVALID when neither body nor cookie has one',
  })
  async logout(
    @CurrentUser() principal: Principal,
    @Body() body: RefreshTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    this.cookie.clear(reply);
    await this.sessions.logout(principal.userId, this.presented(request, body));
  }
}
