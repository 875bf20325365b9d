import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { subtreePattern } from '../tree/tree-path';
import { OrgUnit } from './org-unit.entity';

/** An org unit as an import's rows name it. */
export interface OrgUnitRef {
  id: string;
  path: string;
}

/** A unit of a manager's tree, with its current members counted (as the driver returns it). */
export interface OrgUnitTreeRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  staffCount: string | number;
}

/** Queries on the org-unit tree. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class OrgUnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager?: EntityManager): Promise<OrgUnit | null> {
    return (manager ?? this.dataSource.manager).getRepository(OrgUnit).findOneBy({ id });
  }

  findByCode(code: string): Promise<OrgUnit | null> {
    return this.dataSource.getRepository(OrgUnit).findOneBy({ code });
  }

  /** The unit's id and path only. */
  findPath(id: string): Promise<Pick<OrgUnit, 'id' | 'path'> | null> {
    return this.dataSource
      .getRepository(OrgUnit)
      .findOne({ where: { id }, select: { id: true, path: true } });
  }

  async insert(unit: OrgUnit): Promise<void> {
    await this.dataSource.getRepository(OrgUnit).insert(unit);
  }

  /** The units with these codes (one query). */
  refsByCodes(codes: readonly string[]): Promise<(OrgUnitRef & { code: string })[]> {
    return this.dataSource.query<(OrgUnitRef & { code: string })[]>(
      'SELECT `id`, `code`, `path` FROM `org_units` WHERE `code` IN (?)',
      [codes],
    );
  }

  /** The roots of the tree, by name. */
  roots(): Promise<OrgUnit[]> {
    return this.dataSource
      .getRepository(OrgUnit)
      .find({ where: { parentId: IsNull() }, order: { name: 'ASC' } });
  }

  /** The direct children, by name. */
  children(orgUnitId: string): Promise<OrgUnit[]> {
    return this.dataSource
      .getRepository(OrgUnit)
      .find({ where: { parentId: orgUnitId }, order: { name: 'ASC' } });
  }

  byIds(ids: readonly string[]): Promise<OrgUnit[]> {
    return this.dataSource.getRepository(OrgUnit).findBy({ id: In([...ids]) });
  }

  byIdsByName(ids: readonly string[]): Promise<OrgUnit[]> {
    return this.dataSource
      .getRepository(OrgUnit)
      .find({ where: { id: In([...ids]) }, order: { name: 'ASC' } });
  }

  /** These units, one `id = ?` condition each. */
  eachOf(ids: readonly string[]): Promise<OrgUnit[]> {
    return this.dataSource.getRepository(OrgUnit).findBy(ids.map((id) => ({ id })));
  }

  /** The units under this path (itself included), ordered by path (parents first). */
  subtree(path: string): Promise<OrgUnit[]> {
    return this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(path) })
      .orderBy('unit.path', 'ASC')
      .getMany();
  }

  /** Ids of the units under this path (itself included); one index range. */
  async subtreeIds(path: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .select('unit.id', 'id')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(path) })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /**
   * The units under these paths (null: the whole tree) with their current member counts,
   * ordered by path.
   */
  treeRows(paths: readonly string[] | null): Promise<OrgUnitTreeRow[]> {
    const patterns = paths === null ? null : paths.map(subtreePattern);
    const query = this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .select([
        'unit.id AS id',
        'unit.code AS code',
        'unit.name AS name',
        'unit.parentId AS parentId',
      ])
      .addSelect(
        '(SELECT COUNT(*) FROM `memberships` m WHERE m.`org_unit_id` = unit.`id` AND m.`ended_at` IS NULL)',
        'staffCount',
      )
      .orderBy('unit.path', 'ASC');
    if (patterns !== null)
      query.where(patterns.map((_, index) => `unit.path LIKE :p${index}`).join(' OR '), {
        ...Object.fromEntries(patterns.map((pattern, index) => [`p${index}`, pattern])),
      });
    return query.getRawMany<OrgUnitTreeRow>();
  }

  /** Locks these units (`FOR UPDATE`), in id order so that two movers never deadlock. */
  lockByIds(manager: EntityManager, ids: readonly string[]): Promise<OrgUnit[]> {
    return manager.getRepository(OrgUnit).find({
      where: { id: In([...ids]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The depth of the deepest unit under this path. */
  async deepestUnder(manager: EntityManager, path: string): Promise<number | undefined> {
    const deepest = await manager
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .select('MAX(unit.depth)', 'depth')
      .where('unit.path LIKE :pattern', { pattern: subtreePattern(path) })
      .getRawOne<{ depth: number }>();
    return deepest?.depth;
  }

  /** Rewrites the paths and depths of the subtree at `path` to hang at `newPath`, in one statement. */
  async moveSubtree(
    manager: EntityManager,
    path: string,
    newPath: string,
    depthShift: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE \`org_units\`
                SET \`path\` = CONCAT(?, SUBSTRING(\`path\`, ?)), \`depth\` = \`depth\` + ?
              WHERE \`path\` LIKE ?`,
      [newPath, path.length + 1, depthShift, subtreePattern(path)],
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<OrgUnit, 'parentId' | 'name' | 'level'>>,
  ): Promise<void> {
    await manager.getRepository(OrgUnit).update({ id }, change);
  }
}
