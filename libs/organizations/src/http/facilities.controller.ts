import { CurrentUser, type Principal, Public, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FacilitiesService } from '../facilities/facilities.service';
import { STRUCTURE_EDITORS } from '../policies';
import {
  CreateFacilityDto,
  FacilityDto,
  FacilityPageDto,
  ListFacilitiesQuery,
} from './facilities.dto';

@ApiTags('organizations')
@Controller('api/v1/facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  /** An admin covering the facility's administrative unit registers it. */
  @Post()
  @HttpCode(201)
  @RequireRoles(...STRUCTURE_EDITORS)
  @ApiCreatedResponse({ type: FacilityDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateFacilityDto,
  ): Promise<FacilityDto> {
    return FacilityDto.from(await this.facilities.create(principal, body));
  }

  /** The public directory; `adminUnitId` covers that unit's whole subtree. */
  @Get()
  @Public()
  @ApiOkResponse({ type: FacilityPageDto })
  async list(@Query() query: ListFacilitiesQuery): Promise<FacilityPageDto> {
    const page = await this.facilities.list(
      { type: query.type, adminUnitId: query.adminUnitId },
      query,
    );
    return { ...page, items: page.items.map((facility) => FacilityDto.from(facility)) };
  }
}
