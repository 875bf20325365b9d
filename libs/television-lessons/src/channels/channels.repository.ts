import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Channel } from './channel.entity';

/** Queries on channels. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Channel | null> {
    return this.dataSource.getRepository(Channel).findOneBy({ id });
  }

  findByIdOrFail(id: string, manager?: EntityManager): Promise<Channel> {
    return (manager ?? this.dataSource.manager).findOneByOrFail(Channel, { id });
  }

  findByCode(code: string): Promise<Channel | null> {
    return this.dataSource.getRepository(Channel).findOneBy({ code });
  }

  existsByCode(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Channel).existsBy({ code });
  }

  /** Fails on the unique code when another channel took it meanwhile. */
  async insert(channel: QueryDeepPartialEntity<Channel>): Promise<void> {
    await this.dataSource.getRepository(Channel).insert(channel);
  }

  /** A page of channels by code, and how many there are. */
  async page(page: number, pageSize: number): Promise<{ items: Channel[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(Channel).findAndCount({
      order: { code: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  /**
   * Locks the channel rows (`FOR UPDATE`) in id order, so two transactions locking several never
   * deadlock; returns the ids that exist.
   */
  async lockIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const found = await manager.find(Channel, {
      select: { id: true },
      where: { id: In([...ids]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return found.map((channel) => channel.id);
  }
}
