import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type Principal, RequireRoles } from '../auth/auth-decision';
import { RoleGrantsService } from '../grants/role-grants.service';
import { GRANTERS } from '../policies';
import { RoleGrantDto } from './role-grant.dto';
import { UserResponse } from './user.response';

@ApiTags('identity')
@Controller('api/v1/admin/users/:id/roles')
export class UserRolesController {
  constructor(private readonly grants: RoleGrantsService) {}

  @Post()
  @RequireRoles(...GRANTERS)
  @ApiCreatedResponse({
    type: UserResponse,
    description: 'The user with the role (already held: unchanged)',
  })
  @ApiBadRequestResponse({ description: 'Malformed grant, or a scope that does not exist' })
  @ApiForbiddenResponse({ description: 'Outside the granter’s scope' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async grant(
    @CurrentUser() granter: Principal,
    @Param('id') userId: string,
    @Body() body: RoleGrantDto,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.grants.grant(granter, userId, body));
  }

  @Delete()
  @RequireRoles(...GRANTERS)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (or was not held)' })
  async revoke(
    @CurrentUser() granter: Principal,
    @Param('id') userId: string,
    @Body() body: RoleGrantDto,
  ): Promise<void> {
    await this.grants.revoke(granter, userId, body);
  }
}
