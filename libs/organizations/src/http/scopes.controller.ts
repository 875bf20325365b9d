import { CurrentUser, GRANTERS, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ScopeSearch } from '../scope/scope-search.service';
import { ScopeMatchDto, ScopeSearchQuery } from './org-units.dto';

@ApiTags('organizations')
@Controller('api/v1/scopes')
export class ScopesController {
  constructor(private readonly scopes: ScopeSearch) {}

  /** Places of one type inside the caller's own grants, by name or code: a scope picker's list. */
  @Get()
  @RequireRoles(...GRANTERS)
  @ApiOkResponse({ type: [ScopeMatchDto] })
  search(
    @CurrentUser() principal: Principal,
    @Query() query: ScopeSearchQuery,
  ): Promise<ScopeMatchDto[]> {
    return this.scopes.search(principal, query.scopeType, query.q?.trim() ?? '');
  }
}
