import { LargeUpload, PageQuery, readCsvUpload } from '@lifelong/common';
import { AUTHOR_ROLES } from '@lifelong/courses';
import { CurrentUser, type Principal, Public, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ScheduleCalendars } from '../calendars/schedule-calendars.service';
import { ChannelsService } from '../channels/channels.service';
import { CHANNEL_CREATORS } from '../policies';
import {
  RequestScheduleImport,
  SCHEDULE_MAX_BYTES,
} from '../schedule-import/request-schedule-import.service';
import { ScheduleImportReports } from '../schedule-import/schedule-import-report.service';
import { ChannelDto, ChannelListDto, CreateChannelDto } from './channel.dto';
import { ScheduleImportAcceptedDto, ScheduleImportDto } from './schedule-import.dto';

@ApiTags('television-lessons')
@Controller('api/v1/channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly calendars: ScheduleCalendars,
    private readonly imports: RequestScheduleImport,
    private readonly reports: ScheduleImportReports,
  ) {}

  /**
   * A new channel: national (no `facilityId`; platform admins only) or a facility's own (its
   * facility admins, admins over it).
   */
  @Post()
  @RequireRoles(...CHANNEL_CREATORS)
  @ApiCreatedResponse({ type: ChannelDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateChannelDto,
  ): Promise<ChannelDto> {
    return ChannelDto.from(await this.channels.create(principal, body));
  }

  /** Every channel. */
  @Get()
  @Public()
  @ApiOkResponse({ type: ChannelListDto })
  async list(@Query() query: PageQuery): Promise<ChannelListDto> {
    const { items, total } = await this.channels.list(query.page, query.pageSize);
    return {
      items: items.map((channel) => ChannelDto.from(channel)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The channel's schedule as an iCalendar feed (a month back, a year ahead). */
  @Get(':id/schedule.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar', schema: { type: 'string' } })
  feed(@Param('id') id: string): Promise<string> {
    return this.calendars.channelFeed(id);
  }

  /**
   * Queues a broadcaster's schedule CSV (`date,start,end,course,lesson`; local times in
   * TV_TIME_ZONE; `course` is the course code (or id), `lesson` its id or title). Lines are
   * checked one by one; a re-run of the same file creates nothing twice.
   */
  @Post(':id/schedule/import')
  @HttpCode(202)
  @LargeUpload()
  @RequireRoles(...AUTHOR_ROLES)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description:
      'UTF-8 CSV with the header date,start,end,course,lesson; or multipart with the field "file"',
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiAcceptedResponse({ type: ScheduleImportAcceptedDto })
  async import(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<ScheduleImportAcceptedDto> {
    const upload = await readCsvUpload(request, SCHEDULE_MAX_BYTES, 'the schedule');
    return this.imports.request(principal, id, upload);
  }

  /** An import's progress and per-line errors (its importer, or a platform admin). */
  @Get(':id/schedule/imports/:importId')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: ScheduleImportDto })
  async report(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('importId') importId: string,
  ): Promise<ScheduleImportDto> {
    return ScheduleImportDto.from(await this.reports.report(principal, id, importId));
  }
}
