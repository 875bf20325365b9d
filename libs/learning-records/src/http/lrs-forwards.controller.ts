import { PageQuery } from '@lifelong/common';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { LrsForwards } from '../forwarding/lrs-forwards.service';
import { LRS_ADMINISTRATORS } from '../policies';
import { LrsForwardDto, LrsForwardPageDto, RegisterLrsForwardBody } from './lrs-forwards.dto';

/** External stores the statements are forwarded to (docs/xapi.md, Forwarding), audited. */
@ApiTags('learning-records')
@Controller('api/v1/admin/lrs-forwards')
export class LrsForwardsController {
  constructor(private readonly forwards: LrsForwards) {}

  @Post()
  @RequireRoles(...LRS_ADMINISTRATORS)
  @ApiCreatedResponse({
    type: LrsForwardDto,
    description: 'Registered; the secret is not returned',
  })
  @ApiForbiddenResponse({ description: 'LRS_ADMIN_ONLY: a scoped administrator' })
  async register(
    @CurrentUser() caller: Principal,
    @Body() body: RegisterLrsForwardBody,
  ): Promise<LrsForwardDto> {
    return LrsForwardDto.from(await this.forwards.register(caller, body));
  }

  @Get()
  @RequireRoles(...LRS_ADMINISTRATORS)
  @ApiOkResponse({ type: LrsForwardPageDto, description: 'Newest first' })
  async list(
    @CurrentUser() caller: Principal,
    @Query() query: PageQuery,
  ): Promise<LrsForwardPageDto> {
    const page = await this.forwards.page(caller, query);
    return { ...page, items: page.items.map((forward) => LrsForwardDto.from(forward)) };
  }

  @Post(':id/revoke')
  @RequireRoles(...LRS_ADMINISTRATORS)
  @HttpCode(200)
  @ApiOkResponse({ type: LrsForwardDto, description: 'Revoked (already revoked: unchanged)' })
  @ApiNotFoundResponse({ description: 'LRS_FORWARD_NOT_FOUND' })
  async revoke(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<LrsForwardDto> {
    return LrsForwardDto.from(await this.forwards.revoke(caller, id));
  }
}
