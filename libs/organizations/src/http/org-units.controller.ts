import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MembershipsService } from '../memberships/memberships.service';
import { OrgUnitTree } from '../org-units/org-unit-tree.service';
import { OrgUnitsService } from '../org-units/org-units.service';
import { STAFF_MANAGERS, UNIT_READERS } from '../policies';
import {
  AddMemberDto,
  CreateOrgUnitDto,
  ListOrgUnitsQuery,
  MembershipDto,
  OrgUnitDto,
  OrgUnitNodeDto,
  OrgUnitTreeQuery,
  UpdateOrgUnitDto,
} from './org-units.dto';

@ApiTags('organizations')
@Controller('api/v1/org-units')
export class OrgUnitsController {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly memberships: MembershipsService,
    private readonly subtrees: OrgUnitTree,
  ) {}

  /**
   * Whole subtrees at once, with staff counts (a manager's unit tree beside their staff list):
   * one subtree they cover, or all they manage.
   */
  @Get('tree')
  @RequireRoles(...STAFF_MANAGERS)
  @ApiOkResponse({ type: [OrgUnitNodeDto] })
  async tree(
    @CurrentUser() principal: Principal,
    @Query() query: OrgUnitTreeQuery,
  ): Promise<OrgUnitNodeDto[]> {
    return this.subtrees.visible(principal, query.rootId);
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

  /** One level of the tree within the caller's reach: a covered unit's children, or the tops. */
  @Get()
  @RequireRoles(...STAFF_MANAGERS)
  @ApiOkResponse({ type: [OrgUnitDto] })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: ListOrgUnitsQuery,
  ): Promise<OrgUnitDto[]> {
    const units = await this.orgUnits.level(principal, query.parentId);
    return units.map((unit) => OrgUnitDto.from(unit));
  }

  /** One unit: its name and place (what a picker shows for a unit chosen earlier). */
  @Get(':id')
  @RequireRoles(...UNIT_READERS)
  @ApiOkResponse({ type: OrgUnitDto })
  async one(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<OrgUnitDto> {
    return OrgUnitDto.from(await this.orgUnits.one(principal, id));
  }

  /** Renames or moves a unit the caller covers, under a parent they cover (no cycles). */
  @Patch(':id')
  @RequireRoles(...STAFF_MANAGERS)
  @ApiOkResponse({ type: OrgUnitDto })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return OrgUnitDto.from(await this.orgUnits.update(principal, id, body));
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
