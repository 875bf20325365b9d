import {
  CurrentUser,
  isPlatformAdmin,
  type Principal,
  Public,
  RequireRoles,
} from '@lifelong/identity';
import { forbidden, LargeUpload, readCsvUpload } from '@lifelong/common';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { FORM_EDITORS, REPORT_DECIDERS } from '../policies';
import { FacilityReports } from '../reports/facility-reports.service';
import { ReportForms } from '../reports/report-forms.service';
import { IMPORT_MAX_BYTES, ReportImport } from '../reports/report-import.service';
import { parseReportYear } from '../reports/report-year';
import {
  ReportFormBody,
  ReportFormDto,
  ReportImportDto,
  ReportListItemDto,
  ReportPageDto,
  ReportsQuery,
} from './reports.dto';

/** Yearly report forms, the deciders' list of reports, and the import of paper reports. */
@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class ReportFormsController {
  constructor(
    private readonly forms: ReportForms,
    private readonly reports: FacilityReports,
    private readonly imports: ReportImport,
  ) {}

  /** A year's form: public, so a facility can prepare its answers (or print it) beforehand. */
  @Get('report-forms/:year')
  @Public()
  @ApiOkResponse({ type: ReportFormDto })
  async form(@Param('year') year: string): Promise<ReportFormDto> {
    return ReportFormDto.from(await this.forms.find(parseReportYear(year)));
  }

  /** Defines a year's form (platform admins); fields left out are retired. */
  @Put('report-forms/:year')
  @RequireRoles(...FORM_EDITORS)
  @ApiOkResponse({ type: ReportFormDto })
  async define(
    @CurrentUser() principal: Principal,
    @Param('year') year: string,
    @Body() body: ReportFormBody,
  ): Promise<ReportFormDto> {
    if (!isPlatformAdmin(principal)) throw forbidden('Only a platform administrator defines forms');
    const form = await this.forms.define(parseReportYear(year), {
      deadline: new Date(body.deadline),
      fields: body.fields.map((field) => field.toField()),
    });
    return ReportFormDto.from(form);
  }

  /** Imports many facilities' reports for the year as accepted (supervisors, admins in scope). */
  @Post('report-forms/:year/import')
  @HttpCode(200)
  @LargeUpload()
  @RequireRoles(...REPORT_DECIDERS)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description:
      'UTF-8 CSV: a header facility_code and the form\'s field keys, one facility per line; or multipart with the field "file"',
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ReportImportDto })
  async import(
    @CurrentUser() principal: Principal,
    @Param('year') year: string,
    @Req() request: FastifyRequest,
  ): Promise<ReportImportDto> {
    const parsed = parseReportYear(year);
    const upload = await readCsvUpload(request, IMPORT_MAX_BYTES, 'the reports');
    return ReportImportDto.from(await this.imports.import(principal, parsed, upload));
  }

  /** Reports of a year in the caller's scope, `submitted` ones (to decide) unless asked. */
  @Get('reports')
  @RequireRoles(...REPORT_DECIDERS)
  @ApiOkResponse({ type: ReportPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: ReportsQuery,
  ): Promise<ReportPageDto> {
    const page = await this.reports.list(principal, query);
    return { ...page, items: page.items.map((item) => ReportListItemDto.from(item)) };
  }
}
