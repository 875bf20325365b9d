import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TableOwnership } from '../src/table-ownership';

/*
 * A lib owns its tables (architecture.md). Each lib declares them in `src/tables.ts`; this test
 * reads the migrations and every lib's code and fails when a table has no owner or two, when an
 * entity lives outside its table's lib, or when a lib's SQL or an entity import reaches a table
 * another lib owns and does not publish as a read model. Entity files may name another lib's
 * entity: their relations mirror the foreign keys the migrations declare, and read nothing.
 */

const ROOT = join(__dirname, '..', '..', '..');
const LIBS = join(ROOT, 'libs');
const MIGRATIONS = join(LIBS, 'database', 'migrations');

/**
 * Crossings not yet moved behind the owner's read port or read model, by file. The list only
 * shrinks: a crossing missing from it fails, and so does an entry that no longer crosses.
 */
const NOT_YET_MOVED: Record<string, readonly string[]> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Tables and views the migrations create. */
export function createdTables(migrations: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of migrations)
    for (const match of text.matchAll(
      /CREATE\s+(?:OR\s+REPLACE\s+)?(?:ALGORITHM\s*=\s*\w+\s+)?(?:SQL\s+SECURITY\s+\w+\s+)?(?:TABLE|VIEW)\s+\\?`?(\w+)/g,
    ))
      names.add(match[1]!);
  return names;
}

/** Comments say what code does; only code can cross a boundary. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Table names a file's SQL reads or writes (upper-case keywords, quoted or not). */
export function tablesInSql(text: string, tables: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const keywords = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\s+\\?`?(\w+)/g;
  for (const match of withoutComments(text).matchAll(keywords))
    if (tables.has(match[1]!)) found.add(match[1]!);
  return found;
}

/** The entity classes a file imports from another lib, by name. */
export function importedNames(text: string): Map<string, string> {
  const names = new Map<string, string>();
  const imports = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@lifelong\/([\w-]+)'/g;
  for (const match of text.matchAll(imports))
    for (const part of match[1]!.split(',')) {
      const name = part.replace(/^\s*type\s+/, '').trim();
      if (name) names.set(name, match[2]!);
    }
  return names;
}

interface Lib {
  name: string;
  ownership: TableOwnership;
  files: string[];
}

async function declaredLibs(): Promise<Lib[]> {
  const names = readdirSync(LIBS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return Promise.all(
    names.map(async (name) => {
      const files = sourceFiles(join(LIBS, name, 'src'));
      const declaration = files.find((file) => file === join(LIBS, name, 'src', 'tables.ts'));
      const ownership = declaration
        ? ((await import(declaration)) as { TABLES: TableOwnership }).TABLES
        : { owns: [] };
      return { name, ownership, files };
    }),
  );
}

describe('table ownership', () => {
  const migrations = readdirSync(MIGRATIONS)
    .filter((name) => /^\d+-.+\.ts$/.test(name))
    .map((name) => readFileSync(join(MIGRATIONS, name), 'utf8'));
  const created = createdTables(migrations);
  let libs: Lib[];
  const ownerOf = new Map<string, string>();
  const published = new Set<string>();

  beforeAll(async () => {
    libs = await declaredLibs();
    for (const lib of libs) {
      for (const table of lib.ownership.owns) ownerOf.set(table, lib.name);
      for (const view of lib.ownership.readModels ?? []) {
        ownerOf.set(view, lib.name);
        published.add(view);
      }
    }
  });

  it('gives every table and view the migrations create exactly one owner', () => {
    const declared = libs.flatMap((lib) => [
      ...lib.ownership.owns,
      ...(lib.ownership.readModels ?? []),
    ]);
    const twice = declared.filter((table, index) => declared.indexOf(table) !== index);
    expect(twice).toEqual([]);
    expect([...created].filter((table) => !ownerOf.has(table)).sort()).toEqual([]);
    expect(declared.filter((table) => !created.has(table)).sort()).toEqual([]);
  });

  /** Entity class name → its table, from every `@Entity('table') … class Name`. */
  function entityTables(): Map<string, string> {
    const tables = new Map<string, string>();
    for (const lib of libs)
      for (const file of lib.files)
        for (const match of readFileSync(file, 'utf8').matchAll(
          /@Entity\('(\w+)'\)[\s\S]*?export class (\w+)/g,
        ))
          tables.set(match[2]!, match[1]!);
    return tables;
  }

  it('keeps each entity in the lib that owns its table', () => {
    const misplaced: string[] = [];
    for (const lib of libs)
      for (const file of lib.files)
        for (const match of readFileSync(file, 'utf8').matchAll(/@Entity\('(\w+)'\)/g))
          if (ownerOf.get(match[1]!) !== lib.name)
            misplaced.push(`${relative(ROOT, file)}: ${match[1]!}`);
    expect(misplaced).toEqual([]);
  });

  it("finds no lib reaching another lib's tables outside its read models", () => {
    const entities = entityTables();
    const crossings: Record<string, string[]> = {};
    for (const lib of libs)
      for (const file of lib.files) {
        const text = readFileSync(file, 'utf8');
        const reached = tablesInSql(text, created);
        if (!file.endsWith('.entity.ts'))
          for (const [name, from] of importedNames(text)) {
            const table = entities.get(name);
            if (table && from !== lib.name) reached.add(table);
          }
        const foreign = [...reached]
          .filter((table) => ownerOf.get(table) !== lib.name && !published.has(table))
          .sort();
        if (foreign.length > 0) crossings[relative(ROOT, file)] = foreign;
      }
    expect(crossings).toEqual(NOT_YET_MOVED);
  });
});

describe('the ownership scan', () => {
  const tables = new Set(['enrollments', 'lessons', 'users']);

  it('sees quoted and unquoted tables across lines, not words in comments', () => {
    const text = [
      '/** Reads FROM users, in prose. */',
      '// JOIN lessons in a comment',
      'const sql = `SELECT e.id',
      '  FROM \\`enrollments\\` e',
      '  JOIN lessons l ON l.id = ?`;',
    ].join('\n');
    expect([...tablesInSql(text, tables)].sort()).toEqual(['enrollments', 'lessons']);
  });

  it('reads the names a file imports from other libs', () => {
    const text = "import { Course, type Lesson } from '@lifelong/courses';";
    expect([...importedNames(text)]).toEqual([
      ['Course', 'courses'],
      ['Lesson', 'courses'],
    ]);
  });

  it('reads the tables and views the migrations create', () => {
    const migration =
      'await queryRunner.query(`CREATE TABLE \\`users\\` (`); ' +
      "await queryRunner.query('CREATE OR REPLACE VIEW `learners` AS SELECT 1'); " +
      "await queryRunner.query('CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `units_view` AS SELECT 1');";
    expect([...createdTables([migration])]).toEqual(['users', 'learners', 'units_view']);
  });
});
