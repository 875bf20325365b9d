import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
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
import type { FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, type Principal, Public } from '../auth/auth-decision';
import { LocalLoginGuard } from '../auth/passport.guards';
import { RegistrationThrottle } from '../registration/registration-throttle';
import { RegistrationService } from '../registration/registration.service';
import { SessionsService } from '../sessions/sessions.service';
import { LoginDto, RefreshTokenDto, RegisterDto } from './auth.dto';
import { SessionResponse, TokenPairResponse } from './user.response';

@ApiTags('identity')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly registrationThrottle: RegistrationThrottle,
    private readonly sessions: SessionsService,
  ) {}

  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: SessionResponse, description: 'The new account, signed in' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with a Retry-After header' })
  async register(
    @Req() request: FastifyRequest,
    @Body() body: RegisterDto,
  ): Promise<SessionResponse> {
    await this.registrationThrottle.attempt(request.ip);
    return SessionResponse.fromSession(await this.registration.register(body));
  }

  @Post('login')
  @Public()
  @UseGuards(LocalLoginGuard)
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with a Retry-After header' })
  async login(@CurrentUser() principal: Principal): Promise<SessionResponse> {
    return SessionResponse.fromSession(await this.sessions.open(principal.userId));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse, description: 'The presented token stops working' })
  @ApiUnauthorizedResponse({
    description: 'REFRESH_TOKEN_INVALID; REFRESH_TOKEN_REUSED (the whole sign-in is ended)',
  })
  async refresh(@Body() body: RefreshTokenDto): Promise<TokenPairResponse> {
    return TokenPairResponse.from(await this.sessions.refresh(body.refreshToken));
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The sign-in of this refresh token is ended' })
  async logout(@CurrentUser() principal: Principal, @Body() body: RefreshTokenDto): Promise<void> {
    await this.sessions.logout(principal.userId, body.refreshToken);
  }
}
