import { newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TelevisionError } from '../television-error';
import { Channel } from './channel.entity';

export interface NewChannel {
  code: string;
  name: string;
  description?: string | null;
}

/** Channels: created by admins (the route says who), listed publicly. */
@Injectable()
export class ChannelsService {
  constructor(@InjectRepository(Channel) private readonly channels: Repository<Channel>) {}

  async create(input: NewChannel): Promise<Channel> {
    const code = input.code.trim().toUpperCase();
    if (await this.channels.existsBy({ code }))
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
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === 'ER_DUP_ENTRY')
        throw new TelevisionError('CHANNEL_CODE_TAKEN', `A channel with code ${code} exists`, {
          code,
        });
      throw error;
    }
    return this.channels.findOneByOrFail({ id });
  }

  /** A page of channels by code. */
  async list(page: number, pageSize: number): Promise<{ items: Channel[]; total: number }> {
    const [items, total] = await this.channels.findAndCount({
      order: { code: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  async get(channelId: string): Promise<Channel> {
    const channel = await this.channels.findOneBy({ id: channelId });
    if (!channel) throw TelevisionError.channelNotFound(channelId);
    return channel;
  }

  /** The channel with this code, or null (demo data, imports). */
  byCode(code: string): Promise<Channel | null> {
    return this.channels.findOneBy({ code: code.trim().toUpperCase() });
  }
}
