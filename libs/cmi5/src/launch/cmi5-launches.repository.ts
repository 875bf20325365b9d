import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Cmi5Registration } from './cmi5-registration.entity';
import { Cmi5Session } from './cmi5-session.entity';

/**
 * The queries of `cmi5_registrations` and `cmi5_sessions`. Methods taking a manager run in the
 * caller's transaction.
 */
@Injectable()
export class Cmi5LaunchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertSession(session: Cmi5Session): Promise<void> {
    await this.dataSource.getRepository(Cmi5Session).insert(session);
  }

  sessionById(id: string): Promise<Cmi5Session | null> {
    return this.dataSource.getRepository(Cmi5Session).findOneBy({ id });
  }

  /** The session of this fetch URL, locked for the rest of the transaction. */
  lockSessionByFetchHash(manager: EntityManager, fetchHash: Buffer): Promise<Cmi5Session | null> {
    return manager
      .getRepository(Cmi5Session)
      .findOne({ where: { fetchHash }, lock: { mode: 'pessimistic_write' } });
  }

  async updateSession(
    manager: EntityManager,
    id: string,
    changes: Partial<Cmi5Session>,
  ): Promise<void> {
    await manager.getRepository(Cmi5Session).update({ id }, changes);
  }

  registrationById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Cmi5Registration | null> {
    return manager.getRepository(Cmi5Registration).findOneBy({ id });
  }

  /** The registration, locked for the rest of the transaction. */
  lockRegistration(manager: EntityManager, id: string): Promise<Cmi5Registration | null> {
    return manager
      .getRepository(Cmi5Registration)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  registrationOf(packageId: string, userId: string): Promise<Cmi5Registration | null> {
    return this.dataSource.getRepository(Cmi5Registration).findOneBy({ packageId, userId });
  }

  async insertRegistration(row: Cmi5Registration): Promise<void> {
    await this.dataSource.getRepository(Cmi5Registration).insert(row);
  }

  async updateRegistration(
    manager: EntityManager,
    id: string,
    changes: Partial<Cmi5Registration>,
  ): Promise<void> {
    await manager.getRepository(Cmi5Registration).update({ id }, changes);
  }
}
