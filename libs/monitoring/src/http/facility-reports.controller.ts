import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { REPORT_DECIDERS, REPORT_FILLERS, REPORT_READERS } from '../policies';
import { FacilityReports } from '../reports/facility-reports.service';
import { parseReportYear } from '../reports/report-year';
import {
  AcceptReportBody,
  FacilityReportDto,
  ReportDraftBody,
  ReturnReportBody,
} from './reports.dto';

/** A facility's yearly report: its admins fill it in, a supervisor in scope decides on it. */
@ApiTags('monitoring')
@Controller('api/v1/facilities/:id/reports/:year')
export class FacilityReportsController {
  constructor(private readonly reports: FacilityReports) {}

  @Get()
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: FacilityReportDto })
  async find(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('year') year: string,
  ): Promise<FacilityReportDto> {
    return FacilityReportDto.from(await this.reports.find(principal, id, parseReportYear(year)));
  }

  /** Saves the answers as a draft, checked against the form's field types. */
  @Put()
  @RequireRoles(...REPORT_FILLERS)
  @ApiOkResponse({ type: FacilityReportDto })
  async save(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('year') year: string,
    @Body() body: ReportDraftBody,
  ): Promise<FacilityReportDto> {
    return FacilityReportDto.from(
      await this.reports.saveDraft(principal, id, parseReportYear(year), body.values),
    );
  }

  /** Submits the saved report, before the form's deadline. */
  @Post('submit')
  @HttpCode(200)
  @RequireRoles(...REPORT_FILLERS)
  @ApiOkResponse({ type: FacilityReportDto })
  async submit(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('year') year: string,
  ): Promise<FacilityReportDto> {
    return FacilityReportDto.from(await this.reports.submit(principal, id, parseReportYear(year)));
  }

  @Post('accept')
  @HttpCode(200)
  @RequireRoles(...REPORT_DECIDERS)
  @ApiOkResponse({ type: FacilityReportDto })
  async accept(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('year') year: string,
    @Body() body: AcceptReportBody,
  ): Promise<FacilityReportDto> {
    const comment = body.comment?.trim() || null;
    return FacilityReportDto.from(
      await this.reports.accept(principal, id, parseReportYear(year), comment),
    );
  }

  @Post('return')
  @HttpCode(200)
  @RequireRoles(...REPORT_DECIDERS)
  @ApiOkResponse({ type: FacilityReportDto })
  async sendBack(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('year') year: string,
    @Body() body: ReturnReportBody,
  ): Promise<FacilityReportDto> {
    return FacilityReportDto.from(
      await this.reports.sendBack(principal, id, parseReportYear(year), body.comment.trim()),
    );
  }
}
