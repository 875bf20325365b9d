import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DIRECTORY_READERS } from '../policies';
import { UserAdministration } from '../users/user-administration.service';
import { UserPages } from '../users/user-page.service';
import {
  AdminUserDetailDto,
  AdminUserDto,
  AdminUserPageDto,
  UserSearchQuery,
} from './administration.dto';

@ApiTags('accounts')
@Controller('api/v1/admin/users')
export class AdminUsersController {
  constructor(
    private readonly users: UserAdministration,
    private readonly pages: UserPages,
  ) {}

  /** Finds people by name, email or employee code, unit, role and status, within the caller's scopes. */
  @Get()
  @RequireRoles(...DIRECTORY_READERS)
  @ApiOkResponse({ type: AdminUserPageDto, description: 'In name order' })
  @ApiBadRequestResponse({ description: 'Invalid filter, or an org unit that does not exist' })
  @ApiForbiddenResponse({ description: 'Not an admin or org manager' })
  async search(
    @CurrentUser() principal: Principal,
    @Query() query: UserSearchQuery,
  ): Promise<AdminUserPageDto> {
    const page = await this.users.search(principal, query, query);
    return { ...page, items: page.items.map((entry) => AdminUserDto.from(entry)) };
  }

  /** The user page: roles, and memberships, enrollments and assignments where the caller may see them. */
  @Get(':id')
  @RequireRoles(...DIRECTORY_READERS)
  @ApiOkResponse({ type: AdminUserDetailDto })
  @ApiNotFoundResponse({ description: 'No such user, or outside the caller’s scopes' })
  async user(
    @CurrentUser() principal: Principal,
    @Param('id') userId: string,
  ): Promise<AdminUserDetailDto> {
    return AdminUserDetailDto.fromView(await this.pages.view(principal, userId));
  }
}
