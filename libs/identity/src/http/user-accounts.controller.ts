import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAdministration } from '../accounts/account-administration.service';
import { CurrentUser, type Principal, RequireRoles } from '../auth/auth-decision';
import { ACCOUNT_MANAGERS } from '../policies';
import { UserResponse } from './user.response';

const OUTSIDE = 'FORBIDDEN: the person is outside the units you manage';

/** Inviting, deactivating and reactivating people, within the caller's scope. */
@ApiTags('identity')
@Controller('api/v1/admin/users/:id')
export class UserAccountsController {
  constructor(private readonly accounts: AccountAdministration) {}

  @Post('invitation')
  @RequireRoles(...ACCOUNT_MANAGERS)
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'An invitation valid 7 days is emailed; any earlier link stops working',
  })
  @ApiForbiddenResponse({ description: `${OUTSIDE}; ACCOUNT_DEACTIVATED` })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ACCOUNT_ALREADY_ACTIVE (they can already sign in)' })
  async invite(@CurrentUser() actor: Principal, @Param('id') userId: string): Promise<void> {
    await this.accounts.invite(actor, userId);
  }

  @Post('deactivate')
  @RequireRoles(...ACCOUNT_MANAGERS)
  @HttpCode(200)
  @ApiOkResponse({
    type: UserResponse,
    description: 'Deactivated: no sign-in, every session ended at once; records stay',
  })
  @ApiForbiddenResponse({ description: `${OUTSIDE}, or your own account` })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async deactivate(
    @CurrentUser() actor: Principal,
    @Param('id') userId: string,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.deactivate(actor, userId));
  }

  @Post('reactivate')
  @RequireRoles(...ACCOUNT_MANAGERS)
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse, description: 'Active again (sessions stay ended)' })
  @ApiForbiddenResponse({ description: OUTSIDE })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async reactivate(
    @CurrentUser() actor: Principal,
    @Param('id') userId: string,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.reactivate(actor, userId));
  }
}
