import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PasswordResetThrottle } from '../accounts/password-reset-throttle.service';
import { PasswordRecovery } from '../accounts/password-recovery.service';
import { Authenticated, CurrentUser, type Principal, Public } from '../auth/auth-decision';
import { LocalLoginGuard } from '../auth/passport.guards';
import { RegistrationThrottle } from '../registration/registration-throttle.service';
import { RegistrationService } from '../registration/registration.service';
import { IdentityError } from '../identity-error';
import { SessionsService } from '../sessions/sessions.service';
import { ForgotPasswordDto, SetPasswordWithTokenDto } from './accounts.dto';
import { LoginDto, RefreshTokenDto, RegisterDto } from './auth.dto';
import { REFRESH_COOKIE, RefreshCookie } from './refresh-cookie.service';
import { SessionResponse, TokenPairResponse } from './user.response';

@ApiTags('identity')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly registrationThrottle: RegistrationThrottle,
    private readonly sessions: SessionsService,
    private readonly cookie: RefreshCookie,
    private readonly recovery: PasswordRecovery,
    private readonly resetThrottle: PasswordResetThrottle,
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
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with a Retry-After header' })
  async register(
    @Req() request: FastifyRequest,
    @Body() body: RegisterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    await this.registrationThrottle.attempt(request.ip);
    const session = await this.registration.register(body);
    this.cookie.set(reply, session.refreshToken);
    return SessionResponse.fromSession(session);
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'The same answer, in the same time, whether or not the email has an account; if it has one (not deactivated), a reset link valid 1 hour is emailed',
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (per client address and per email)' })
  async forgotPassword(
    @Req() request: FastifyRequest,
    @Body() body: ForgotPasswordDto,
  ): Promise<void> {
    await this.resetThrottle.attempt(request.ip, body.email);
    // Answered before any lookup: the response cannot tell who has an account.
    this.recovery.requestReset(body.email);
  }

  @Post('password/reset')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    type: SessionResponse,
    description: 'The new password is set, every earlier session ended, and this one opened',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (too short, too long, the email)' })
  @ApiUnprocessableEntityResponse({ description: 'TOKEN_INVALID (used, expired or unknown)' })
  async resetPassword(
    @Req() request: FastifyRequest,
    @Body() body: SetPasswordWithTokenDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const session = await this.recovery.resetPassword(
      body.token,
      body.password,
      request.headers['user-agent'],
    );
    this.cookie.set(reply, session.refreshToken);
    return SessionResponse.fromSession(session);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'The password is set; signed in' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (too short, too long, the email)' })
  @ApiUnprocessableEntityResponse({
    description:
      'TOKEN_INVALID (used, expired, replaced by a newer invitation, unknown, or the account is deactivated)',
  })
  async acceptInvitation(
    @Req() request: FastifyRequest,
    @Body() body: SetPasswordWithTokenDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const session = await this.recovery.acceptInvitation(
      body.token,
      body.password,
      request.headers['user-agent'],
    );
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
  @ApiForbiddenResponse({ description: 'ACCOUNT_DEACTIVATED (the password was right)' })
  async login(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const session = await this.sessions.open(principal.userId, request.headers['user-agent']);
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
