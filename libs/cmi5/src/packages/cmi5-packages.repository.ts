import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Cmi5Package } from './cmi5-package.entity';

/** The queries of `cmi5_packages`. */
@Injectable()
export class Cmi5PackagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, row: Cmi5Package): Promise<void> {
    await manager.getRepository(Cmi5Package).insert(row);
  }

  /** The lesson's newest package, or null. */
  newestOf(lessonId: string): Promise<Cmi5Package | null> {
    return this.dataSource
      .getRepository(Cmi5Package)
      .findOne({ where: { lessonId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  byId(
    packageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Cmi5Package | null> {
    return manager.getRepository(Cmi5Package).findOneBy({ id: packageId });
  }
}
