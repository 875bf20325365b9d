import { CurrentUser, type Principal, Public, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { STRUCTURE_EDITORS } from '../policies';
import {
  AdminUnitDto,
  AdminUnitPageDto,
  CreateAdminUnitDto,
  ListAdminUnitsQuery,
} from './admin-units.dto';

@ApiTags('organizations')
@Controller('api/v1/admin-units')
export class AdminUnitsController {
  constructor(private readonly adminUnits: AdminUnitsService) {}

  /** An admin, or an admin scoped over the parent unit, adds a unit. */
  @Post()
  @HttpCode(201)
  @RequireRoles(...STRUCTURE_EDITORS)
  @ApiCreatedResponse({ type: AdminUnitDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateAdminUnitDto,
  ): Promise<AdminUnitDto> {
    return AdminUnitDto.from(await this.adminUnits.create(principal, body));
  }

  /** Public, like the facility directory it leads to: one level of the tree at a time. */
  @Get()
  @Public()
  @ApiOkResponse({ type: AdminUnitPageDto })
  async list(@Query() query: ListAdminUnitsQuery): Promise<AdminUnitPageDto> {
    const page = await this.adminUnits.list(query.parentId, query);
    return { ...page, items: page.items.map((unit) => AdminUnitDto.from(unit)) };
  }
}
