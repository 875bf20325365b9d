import { AppConfig, CommonError, newId } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { ChannelAccess } from '../channels/channel-access.service';
import { ChannelsService } from '../channels/channels.service';
import { TelevisionError } from '../television-error';
import { ScheduleImportsRepository } from './schedule-imports.repository';

/** A schedule is a few hundred lines; a larger file is not a schedule. */
export const SCHEDULE_MAX_BYTES = 2 * 1024 * 1024;

/** Accepting a channel schedule CSV: stored and queued in one transaction; the worker runs it. */
@Injectable()
export class RequestScheduleImport {
  constructor(
    private readonly imports: ScheduleImportsRepository,
    private readonly channels: ChannelsService,
    private readonly access: ChannelAccess,
    private readonly config: AppConfig,
  ) {}

  async request(
    principal: Principal,
    channelId: string,
    upload: Buffer,
  ): Promise<{ importId: string }> {
    await this.access.assertMaySchedule(principal, await this.channels.get(channelId));
    if (upload.length === 0)
      throw new TelevisionError('SCHEDULE_IMPORT_EMPTY', 'The uploaded file is empty');
    const limit = Math.min(SCHEDULE_MAX_BYTES, this.config.http.importMaxBytes);
    if (upload.length > limit)
      throw new CommonError(
        'PAYLOAD_TOO_LARGE',
        `A schedule file is at most ${limit} bytes`,
        'too_large',
      );
    const importId = newId();
    await this.imports.transaction(async (manager) => {
      await this.imports.insert(manager, {
        id: importId,
        channelId,
        requestedBy: principal.userId,
        status: 'queued',
        content: upload,
      });
      await recordEvent(manager, 'television.schedule-import-requested', { importId });
    });
    return { importId };
  }
}
