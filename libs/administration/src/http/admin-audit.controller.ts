import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuditBrowser } from '../audit/audit-browser.service';
import { AUDIT_READERS } from '../policies';
import { AuditEntryDto, AuditPageDto, AuditQuery } from './administration.dto';

@ApiTags('accounts')
@Controller('api/v1/admin/audit')
export class AdminAuditController {
  constructor(private readonly browser: AuditBrowser) {}

  /** The audit log, newest first; scoped readers see the entries placed in their scopes. */
  @Get()
  @RequireRoles(...AUDIT_READERS)
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({ description: 'Invalid filter' })
  @ApiForbiddenResponse({ description: 'Not an admin or supervisor' })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: AuditQuery,
  ): Promise<AuditPageDto> {
    const page = await this.browser.page(
      principal,
      {
        actorId: query.actorId,
        subjectId: query.subjectId,
        action: query.action,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
      },
      query,
    );
    return { ...page, items: page.items.map((line) => AuditEntryDto.from(line)) };
  }
}
