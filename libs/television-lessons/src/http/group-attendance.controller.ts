import { PageQuery } from '@lifelong/common';
import { AUTHOR_ROLES } from '@lifelong/courses';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GroupAttendanceRecords } from '../attendance/group-attendance-records.service';
import {
  GroupAttendancePageDto,
  GroupAttendanceRecordDto,
  VoidedGroupAttendanceDto,
  VoidGroupAttendanceDto,
} from './group-attendance.dto';

/** The course staff's audit of group attendance: list a course's records, void one. */
@ApiTags('television-lessons')
@Controller('api/v1')
export class GroupAttendanceController {
  constructor(private readonly records: GroupAttendanceRecords) {}

  /** Every group attendance of the course (voided ones too), newest first; course staff. */
  @Get('courses/:id/group-attendance')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: GroupAttendancePageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Param('id') courseId: string,
    @Query() query: PageQuery,
  ): Promise<GroupAttendancePageDto> {
    const page = await this.records.list(principal, courseId, query);
    return { ...page, items: page.items.map((record) => GroupAttendanceRecordDto.from(record)) };
  }

  /**
   * Voids a record: its attendance goes, and the lesson is no longer complete when that was its
   * only evidence (a completed course reopens). Voiding again answers the first void.
   */
  @Post('group-attendance/:id/void')
  @HttpCode(200)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: VoidedGroupAttendanceDto })
  async void(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: VoidGroupAttendanceDto,
  ): Promise<VoidedGroupAttendanceDto> {
    return VoidedGroupAttendanceDto.fromOutcome(
      await this.records.void(principal, id, body.reason?.trim() || null),
    );
  }
}
