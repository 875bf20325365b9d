import { PageQuery } from '@lifelong/common';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PasswordRecovery } from '../accounts/password-recovery.service';
import { LoginThrottle } from '../auth/login-throttle.service';
import { SessionsService } from '../sessions/sessions.service';
import { Authenticated, CurrentUser, type Principal } from '../auth/auth-decision';
import { IdentityError } from '../identity-error';
import { UsersRepository } from '../users/users.repository';
import { ChangePasswordDto, SessionListResponse } from './accounts.dto';
import { UpdateMeDto } from './auth.dto';
import { UserResponse } from './user.response';

@ApiTags('identity')
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly users: UsersRepository,
    private readonly recovery: PasswordRecovery,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentUser() principal: Principal): Promise<UserResponse> {
    const profile = await this.users.findProfile(principal.userId);
    if (!profile) throw IdentityError.unauthenticated('The account no longer exists');
    return UserResponse.from(profile);
  }

  @Patch()
  @Authenticated()
  @ApiOkResponse({ type: UserResponse, description: 'The user, changed' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (an unknown locale or time zone, an empty name)',
  })
  async update(
    @CurrentUser() principal: Principal,
    @Body() body: UpdateMeDto,
  ): Promise<UserResponse> {
    await this.users.updateProfile(principal.userId, {
      fullName: body.fullName,
      locale: body.locale,
      timeZone: body.timeZone,
    });
    return this.me(principal);
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every other session of yours has ended' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED: currentPassword is wrong, or newPassword too short, too long or your email',
  })
  @ApiTooManyRequestsResponse({
    description: 'RATE_LIMITED (wrong current passwords count as failed sign-ins)',
  })
  async changePassword(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    // A stolen access token must not become a password-guessing oracle: sign-in limits apply.
    await this.throttle.attempt(request.ip, principal.email);
    await this.recovery.change(principal, body.currentPassword, body.newPassword);
    await this.throttle.succeeded(request.ip, principal.email);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOkResponse({ type: SessionListResponse, description: 'Your live sessions, last used first' })
  async listSessions(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<SessionListResponse> {
    const page = await this.sessions.list(principal.userId, principal.sessionId, query);
    return {
      ...page,
      items: page.items.map((session) => ({
        ...session,
        createdAt: session.createdAt.toISOString(),
        lastUsedAt: session.lastUsedAt.toISOString(),
      })),
    };
  }

  @Delete('sessions/:id')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended; its tokens stop working at once' })
  @ApiNotFoundResponse({ description: 'SESSION_NOT_FOUND (none of yours has this id)' })
  async endSession(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.sessions.endOwn(principal.userId, id);
  }
}
