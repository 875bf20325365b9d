import { newId } from '@lifelong/common';
import { OrgUnitsService, subtreePattern } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { organizationsModule } from './organizations-testing';

interface UnitRow {
  id: string;
  code: string;
  parentId: string | null;
  path: string;
  depth: number;
}

const AGENCIES = 10;
const DEPARTMENTS = 99;
const TEAMS = 100;

/** 10 agencies × 99 departments × 100 teams = 100,000 units, by level (parents first). */
function buildTree(): UnitRow[][] {
  const levels: UnitRow[][] = [[], [], []];
  for (let a = 0; a < AGENCIES; a += 1) {
    const agency = unit(`A${a}`, null);
    levels[0]!.push(agency);
    for (let d = 0; d < DEPARTMENTS; d += 1) {
      const department = unit(`A${a}-D${d}`, agency);
      levels[1]!.push(department);
      for (let t = 0; t < TEAMS; t += 1) levels[2]!.push(unit(`A${a}-D${d}-T${t}`, department));
    }
  }
  return levels;
}

function unit(code: string, parent: UnitRow | null): UnitRow {
  const id = newId();
  const path = `${parent?.path ?? '/'}${id}/`;
  return { id, code, parentId: parent?.id ?? null, path, depth: (parent?.depth ?? 0) + 1 };
}

async function insertAll(dataSource: DataSource, rows: UnitRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 5_000) {
    const slice = rows.slice(start, start + 5_000);
    await dataSource.query(
      'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES ?',
      [
        slice.map((row) => [
          row.id,
          row.code,
          `Đơn vị ${row.code}`,
          row.parentId,
          row.path,
          row.depth,
        ]),
      ],
    );
  }
}

interface ExplainRow {
  table: string;
  type: string;
  key: string | null;
  rows: string | number;
}

// The org-unit tree must answer subtree questions from an index range at ministry scale.
describe('org-unit subtree at 100,000 units', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let levels: UnitRow[][];

  beforeAll(async () => {
    moduleRef = await organizationsModule();
    dataSource = moduleRef.get(DataSource);
    levels = buildTree();
    for (const level of levels) await insertAll(dataSource, level);
    await dataSource.query('ANALYZE TABLE `org_units`');
  }, 120_000);

  afterAll(() => moduleRef.close());

  it('holds 100,000 units', async () => {
    const [{ count }] = await dataSource.query<[{ count: string }]>(
      'SELECT COUNT(*) AS count FROM `org_units`',
    );
    expect(Number(count)).toBe(100_000);
  });

  it('reads a subtree through the path index, not a full scan', async () => {
    const department = levels[1]![123]!;
    const plan = await dataSource.query<ExplainRow[]>(
      'EXPLAIN SELECT `id` FROM `org_units` WHERE `path` LIKE ?',
      [subtreePattern(department.path)],
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ type: 'range', key: 'ix_org_units_path' });
    expect(Number(plan[0]!.rows)).toBeLessThan(1_000);
  });

  it('reads an agency-sized subtree (10% of the tree) through the index too', async () => {
    const agency = levels[0]![7]!;
    const [plan] = await dataSource.query<ExplainRow[]>(
      'EXPLAIN SELECT `id` FROM `org_units` WHERE `path` LIKE ?',
      [subtreePattern(agency.path)],
    );
    expect(plan).toMatchObject({ type: 'range', key: 'ix_org_units_path' });
  });

  it('returns exactly the unit and its descendants', async () => {
    const orgUnits = moduleRef.get(OrgUnitsService);
    const department = levels[1]![123]!;
    const expected = levels[2]!
      .filter((team) => team.parentId === department.id)
      .map((team) => team.id);
    const ids = await orgUnits.subtreeIds(department.id);
    expect(ids.sort()).toEqual([department.id, ...expected].sort());
    const agency = levels[0]![7]!;
    expect(await orgUnits.subtreeIds(agency.id)).toHaveLength(
      1 + DEPARTMENTS + DEPARTMENTS * TEAMS,
    );
    const team = levels[2]![54_321]!;
    expect(await orgUnits.subtreeIds(team.id)).toEqual([team.id]);
  });

  it('walks ancestors from the path', async () => {
    const team = levels[2]![54_321]!;
    const ancestors = await moduleRef.get(OrgUnitsService).ancestors(team.id);
    expect(ancestors.map((unit) => unit.code)).toEqual(
      team.code
        .split('-')
        .slice(0, -1)
        .map((_, index, parts) => parts.slice(0, index + 1).join('-')),
    );
  });
});
