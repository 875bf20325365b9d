import { AppConfig, LargeUpload, readCsvUpload } from '@lifelong/common';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequestStaffImportService } from '../staff-import/request-staff-import.service';
import { StaffImportReportService } from '../staff-import/staff-import-report.service';
import { STAFF_MANAGERS } from '../policies';
import { STAFF_CSV_COLUMNS } from '../staff-import/staff-csv';
import {
  StaffImportAcceptedDto,
  StaffImportDto,
  StaffImportOptionsQuery,
} from './staff-imports.dto';

@ApiTags('organizations')
@Controller('api/v1/admin/imports')
export class StaffImportsController {
  constructor(
    private readonly requests: RequestStaffImportService,
    private readonly reports: StaffImportReportService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queues a staff CSV; rows outside the importer's org units are refused line by line. With
   * `?invite=true` the people it creates are invited by email.
   */
  @Post('staff')
  @HttpCode(202)
  @LargeUpload()
  @RequireRoles(...STAFF_MANAGERS)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description: `UTF-8 CSV (BOM optional, "," or ";") with the header ${STAFF_CSV_COLUMNS.join(',')}; or multipart with the field "file"`,
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({ type: StaffImportAcceptedDto })
  async requestImport(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Query() options: StaffImportOptionsQuery,
  ): Promise<StaffImportAcceptedDto> {
    const upload = await readCsvUpload(request, this.config.http.importMaxBytes, 'the staff list');
    return this.requests.request(principal, upload, { invite: options.invite });
  }

  /** Progress and the per-line error report, for the importer or a platform admin. */
  @Get(':importId')
  @RequireRoles(...STAFF_MANAGERS)
  @ApiOkResponse({ type: StaffImportDto })
  async report(
    @CurrentUser() principal: Principal,
    @Param('importId') importId: string,
  ): Promise<StaffImportDto> {
    return StaffImportDto.from(await this.reports.report(principal, importId));
  }
}
