import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '../auth/auth-decision';
import { IdentityError } from '../identity-error';
import { UsersRepository } from '../users/users.repository';
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
}
