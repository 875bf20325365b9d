import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { Channel } from './channel.entity';

/** Queries on channels. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Channel | null> {
    return this.dataSource.getRepository(Channel).findOneBy({ id });
  }

  findByIdOrFail(manager: EntityManager, id: string): Promise<Channel> {
    return manager.findOneByOrFail(Channel, { id });
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
