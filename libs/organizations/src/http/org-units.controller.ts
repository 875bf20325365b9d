import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MembershipsService } from '../memberships/memberships.service';
import { OrgUnitTree } from '../org-units/org-unit-tree.service';
import { OrgUnitsService } from '../org-units/org-units.service';
import { STAFF_MANAGERS } from '../policies';
import {
  AddMemberDto,
  CreateOrgUnitDto,
  MembershipDto,
  OrgUnitDto,
  OrgUnitNodeDto,
  OrgUnitTreeQuery,
} from './org-units.dto';

@ApiTags('organizations')
@Controller('api/v1/org-units')
export class OrgUnitsController {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly memberships: MembershipsService,
    private readonly tree: OrgUnitTree,
  ) {}

  /** The units an admin or org manager may see: one subtree they cover, or all they manage. */
  @Get()
  @RequireRoles(...STAFF_MANAGERS)
  @ApiOkResponse({ type: [OrgUnitNodeDto] })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: OrgUnitTreeQuery,
  ): Promise<OrgUnitNodeDto[]> {
    return this.tree.visible(principal, query.rootId);
  }

  /** An admin or org manager covering the parent adds a unit (a root: platform admin). */
  @Post()
  @HttpCode(201)
  @RequireRoles(...STAFF_MANAGERS)
  @ApiCreatedResponse({ type: OrgUnitDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return OrgUnitDto.from(await this.orgUnits.create(principal, body));
  }

  /** Places a user in the unit; their previous membership, if different, ends now. */
  @Post(':id/members')
  @HttpCode(201)
  @RequireRoles(...STAFF_MANAGERS)
  @ApiCreatedResponse({ type: MembershipDto })
  async addMember(
    @CurrentUser() principal: Principal,
    @Param('id') orgUnitId: string,
    @Body() body: AddMemberDto,
  ): Promise<MembershipDto> {
    return MembershipDto.from(await this.memberships.addMember(principal, orgUnitId, body));
  }
}
