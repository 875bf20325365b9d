import { newId } from '@lifelong/common';
import { isDuplicateKey } from '@lifelong/database';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { TelevisionError } from '../television-error';
import { ChannelAccess } from './channel-access.service';
import type { Channel } from './channel.entity';
import { ChannelsRepository } from './channels.repository';

export interface NewChannel {
  code: string;
  name: string;
  description?: string | null;
  /** The owning facility; null or absent for a national channel. */
  facilityId?: string | null;
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Channels: national ones created by platform admins, a facility's by its admins (see
 * {@link ChannelAccess}); listed publicly. Names and descriptions are shown in feeds and
 * calendars, so they carry no control characters (no line breaks either).
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly access: ChannelAccess,
  ) {}

  async create(principal: Principal, input: NewChannel): Promise<Channel> {
    const problems = textProblems(input);
    if (problems) throw TelevisionError.invalid(problems);
    const facilityId = input.facilityId ?? null;
    await this.access.assertMayCreate(principal, facilityId);
    const code = input.code.trim().toUpperCase();
    if (await this.channels.existsByCode(code))
      throw new TelevisionError('CHANNEL_CODE_TAKEN', `A channel with code ${code} exists`, {
        code,
      });
    const id = newId();
    try {
      await this.channels.insert({
        id,
        code,
        name: input.name.trim(),
        description: input.description?.trim() || null,
        facilityId,
      });
    } catch (error) {
      if (isDuplicateKey(error))
        throw new TelevisionError('CHANNEL_CODE_TAKEN', `A channel with code ${code} exists`, {
          code,
        });
      throw error;
    }
    return this.channels.findByIdOrFail(id);
  }

  /** A page of channels by code. */
  async list(page: number, pageSize: number): Promise<{ items: Channel[]; total: number }> {
    return this.channels.page(page, pageSize);
  }

  async get(channelId: string): Promise<Channel> {
    const channel = await this.channels.findById(channelId);
    if (!channel) throw TelevisionError.channelNotFound(channelId);
    return channel;
  }

  /** The channel with this code, or null (demo data, imports). */
  byCode(code: string): Promise<Channel | null> {
    return this.channels.findByCode(code.trim().toUpperCase());
  }
}

/** The name and description fields that carry control characters, or null. */
function textProblems(input: NewChannel): Record<string, string[]> | null {
  const problems: Record<string, string[]> = {};
  if (CONTROL_CHARACTERS.test(input.name))
    problems.name = ['name must not contain control characters or line breaks'];
  if (input.description && CONTROL_CHARACTERS.test(input.description))
    problems.description = ['description must not contain control characters or line breaks'];
  return Object.keys(problems).length > 0 ? problems : null;
}
