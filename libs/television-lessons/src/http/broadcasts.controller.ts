import { AUTHOR_ROLES } from '@lifelong/courses';
import {
  Authenticated,
  CurrentUser,
  OptionalCaller,
  type Principal,
  Public,
  RequireRoles,
} from '@lifelong/identity';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AttendanceService } from '../attendance/attendance.service';
import { BroadcastReads } from '../broadcasts/broadcast-reads.service';
import { BroadcastScheduler } from '../broadcasts/broadcast-scheduler.service';
import { Replays } from '../replays/replays.service';
import { instant } from './offset-time';
import { AttendanceCodeDto, AttendanceDto } from './attendance.dto';
import {
  BroadcastDto,
  BroadcastPageDto,
  CreateBroadcastDto,
  CreatedBroadcastDto,
  MoveBroadcastDto,
  ReplayDto,
  ScheduleQueryDto,
} from './broadcast.dto';
import { GroupAttendanceDto, GroupAttendanceResultDto } from './group-attendance.dto';

@ApiTags('television-lessons')
@Controller('api/v1/broadcasts')
export class BroadcastsController {
  constructor(
    private readonly scheduler: BroadcastScheduler,
    private readonly reads: BroadcastReads,
    private readonly attendance: AttendanceService,
    private readonly replays: Replays,
  ) {}

  /**
   * Schedules a television lesson on a channel (course staff); with `recurrence`, every slot of
   * the rule. 409 `BROADCAST_OVERLAP` when the channel is taken.
   */
  @Post()
  @RequireRoles(...AUTHOR_ROLES)
  @ApiCreatedResponse({ type: CreatedBroadcastDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateBroadcastDto,
  ): Promise<CreatedBroadcastDto> {
    const created = await this.scheduler.create(principal, {
      channelId: body.channelId,
      lessonId: body.lessonId,
      startsAt: instant(body.startsAt),
      endsAt: instant(body.endsAt),
      recurrence: body.recurrence,
    });
    return CreatedBroadcastDto.fromSeries(created);
  }

  /** The public schedule of published courses in a time range, optionally of a channel or lesson. */
  @Get()
  @Public()
  @ApiOkResponse({ type: BroadcastPageDto })
  async list(@Query() query: ScheduleQueryDto): Promise<BroadcastPageDto> {
    const { items, total } = await this.reads.list({
      from: query.from === undefined ? undefined : instant(query.from),
      to: query.to === undefined ? undefined : instant(query.to),
      channelId: query.channelId,
      lessonId: query.lessonId,
      page: query.page,
      pageSize: query.pageSize,
    });
    return {
      items: items.map((broadcast) => BroadcastDto.from(broadcast)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** One broadcast; its course's staff also see the attendance code. */
  @Get(':id')
  @Public({ identifiesCaller: true })
  @ApiOkResponse({ type: BroadcastDto })
  async one(
    @OptionalCaller() principal: Principal | null,
    @Param('id') id: string,
  ): Promise<BroadcastDto> {
    const { broadcast, showCode } = await this.reads.one(principal, id);
    return BroadcastDto.from(broadcast, showCode);
  }

  /** Moves a slot that has not aired (its reminder moves too). */
  @Patch(':id')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: BroadcastDto })
  async move(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: MoveBroadcastDto,
  ): Promise<BroadcastDto> {
    const moved = await this.scheduler.move(principal, id, {
      startsAt: body.startsAt === undefined ? undefined : instant(body.startsAt),
      endsAt: body.endsAt === undefined ? undefined : instant(body.endsAt),
      channelId: body.channelId,
    });
    return BroadcastDto.from(moved, true);
  }

  /** Cancels a slot that has not aired; feeds show it cancelled, its reminder is dropped. */
  @Delete(':id')
  @HttpCode(204)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiNoContentResponse()
  async cancel(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.scheduler.cancel(principal, id);
  }

  /**
   * An enrolled learner enters the code shown on screen, during the airing or its grace period.
   * 422 `ATTENDANCE_CODE_INVALID` or `ATTENDANCE_CLOSED`; 429 after too many wrong codes.
   */
  @Post(':id/attendance')
  @Authenticated()
  @ApiCreatedResponse({ type: AttendanceDto })
  async attend(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: AttendanceCodeDto,
  ): Promise<AttendanceDto> {
    return AttendanceDto.from(await this.attendance.enterCode(principal, id, body.code));
  }

  /** Facility staff record the enrolled learners who watched together; others are skipped. */
  @Post(':id/group-attendance')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiCreatedResponse({ type: GroupAttendanceResultDto })
  async attendGroup(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: GroupAttendanceDto,
  ): Promise<GroupAttendanceResultDto> {
    return GroupAttendanceResultDto.from(
      await this.attendance.recordGroup(principal, id, body.facilityId, body.userIds),
    );
  }

  /** Attaches a ready video of the lesson as the airing's replay. */
  @Put(':id/replay')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: BroadcastDto })
  async replay(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: ReplayDto,
  ): Promise<BroadcastDto> {
    return BroadcastDto.from(await this.replays.attach(principal, id, body.videoId), true);
  }
}
