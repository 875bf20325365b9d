import { PageQuery } from '@lifelong/common';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { LrsClients } from '../clients/lrs-clients.service';
import { LRS_ADMINISTRATORS } from '../policies';
import {
  IssuedLrsClientDto,
  IssueLrsClientBody,
  LrsClientDto,
  LrsClientPageDto,
} from './lrs-clients.dto';

/** Credentials of the xAPI Learning Record Store's clients (docs/xapi.md), audited. */
@ApiTags('learning-records')
@Controller('api/v1/admin/lrs-clients')
export class LrsClientsController {
  constructor(private readonly clients: LrsClients) {}

  @Post()
  @RequireRoles(...LRS_ADMINISTRATORS)
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({
    type: IssuedLrsClientDto,
    description: 'The secret is in this answer only',
  })
  @ApiForbiddenResponse({ description: 'LRS_ADMIN_ONLY: a scoped administrator' })
  async issue(
    @CurrentUser() caller: Principal,
    @Body() body: IssueLrsClientBody,
  ): Promise<IssuedLrsClientDto> {
    return IssuedLrsClientDto.fromIssued(await this.clients.issue(caller, body));
  }

  @Get()
  @RequireRoles(...LRS_ADMINISTRATORS)
  @ApiOkResponse({ type: LrsClientPageDto, description: 'Newest first' })
  async list(
    @CurrentUser() caller: Principal,
    @Query() query: PageQuery,
  ): Promise<LrsClientPageDto> {
    const page = await this.clients.page(caller, query);
    return { ...page, items: page.items.map((client) => LrsClientDto.from(client)) };
  }

  @Post(':id/revoke')
  @RequireRoles(...LRS_ADMINISTRATORS)
  @HttpCode(200)
  @ApiOkResponse({ type: LrsClientDto, description: 'Revoked (already revoked: unchanged)' })
  @ApiNotFoundResponse({ description: 'LRS_CLIENT_NOT_FOUND' })
  async revoke(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<LrsClientDto> {
    return LrsClientDto.from(await this.clients.revoke(caller, id));
  }
}
