import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AssignmentReads } from '../assignments/assignment-reads.service';
import { REPORT_READERS, SNAPSHOT_TAKERS, STAFF_READERS } from '../policies';
import { ComplianceReport } from '../reports/compliance-report.service';
import { ComplianceSnapshots } from '../reports/compliance-snapshots.service';
import {
  ComplianceDto,
  SnapshotBodyDto,
  SnapshotDto,
  SnapshotSummaryDto,
  UnitQuery,
} from './compliance.dto';
import { StaffMemberDto, StaffPageDto, StaffQuery } from './staff.dto';

@ApiTags('training')
@Controller('api/v1/training')
export class TrainingReportsController {
  constructor(
    private readonly reads: AssignmentReads,
    private readonly compliance: ComplianceReport,
    private readonly snapshots: ComplianceSnapshots,
  ) {}

  /** "My staff": current members of a subtree the manager covers, overdue first, with their assignments. */
  @Get('staff')
  @RequireRoles(...STAFF_READERS)
  @ApiOkResponse({ type: StaffPageDto })
  async staff(
    @CurrentUser() principal: Principal,
    @Query() query: StaffQuery,
  ): Promise<StaffPageDto> {
    const { orgUnitId, status, q, position } = query;
    const page = await this.reads.staff(principal, orgUnitId, { status, q, position }, query);
    return { ...page, items: page.items.map((member) => StaffMemberDto.from(member)) };
  }

  /** The unit's compliance rolled up over its subtree, with its children one level down. */
  @Get('compliance')
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: ComplianceDto })
  async complianceTree(
    @CurrentUser() principal: Principal,
    @Query() query: UnitQuery,
  ): Promise<ComplianceDto> {
    return ComplianceDto.fromTree(await this.compliance.tree(principal, query.orgUnitId));
  }

  /** One CSV row per unit of the subtree, streamed. */
  @Get('compliance.csv')
  @RequireRoles(...REPORT_READERS)
  @Header('cache-control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv, one row per unit of the subtree' })
  async complianceCsv(
    @CurrentUser() principal: Principal,
    @Query() query: UnitQuery,
  ): Promise<StreamableFile> {
    const stream = await this.compliance.csv(principal, query.orgUnitId);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="compliance.csv"',
    });
  }

  /** Freezes the subtree's compliance for a period; 409 when that period's snapshot exists. */
  @Post('snapshots')
  @HttpCode(201)
  @RequireRoles(...SNAPSHOT_TAKERS)
  @ApiCreatedResponse({ type: SnapshotDto })
  async takeSnapshot(
    @CurrentUser() principal: Principal,
    @Body() body: SnapshotBodyDto,
  ): Promise<SnapshotDto> {
    return SnapshotDto.from(await this.snapshots.take(principal, body.orgUnitId, body.period));
  }

  /** The unit's snapshots, oldest period first, with the unit's own figures (for a trend). */
  @Get('snapshots')
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: [SnapshotSummaryDto] })
  async snapshotList(
    @CurrentUser() principal: Principal,
    @Query() query: UnitQuery,
  ): Promise<SnapshotSummaryDto[]> {
    const found = await this.snapshots.list(principal, query.orgUnitId);
    return found.map((summary) => SnapshotSummaryDto.from(summary));
  }

  /** The frozen snapshot, as it was taken. */
  @Get('snapshots/:id')
  @RequireRoles(...REPORT_READERS)
  @ApiOkResponse({ type: SnapshotDto })
  async snapshot(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
  ): Promise<SnapshotDto> {
    return SnapshotDto.from(await this.snapshots.find(principal, id));
  }
}
