import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '../auth/auth-decision';
import { IdentityError } from '../identity-error';
import { UsersRepository } from '../users/users.repository';
import { UpdateMeDto } from './auth.dto';
import { UserResponse } from './user.response';

@ApiTags('identity')
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly users: UsersRepository) {}

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
}
