import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Queries live in `*.repository.ts` classes; services, jobs and rules call them and hold no
// SQL (architecture.md, "A lib owns its tables"; issue 15, item 3). A file outside a repository
// that takes the DataSource, an entity repository or runs a statement itself fails here.
// libs/database is the plumbing every repository stands on (migrations, outbox, readiness) and
// is left out. The list below only shrinks: a file missing from it fails, and so does an
// entry that no longer queries.

const ROOT = join(__dirname, '..', '..', '..');
const LIBS = join(ROOT, 'libs');

const NOT_YET_MOVED: readonly string[] = [];

/** What a file outside a repository must not do, each with the words of the failure. */
const DATA_ACCESS: readonly [RegExp, string][] = [
  [/\b(?:InjectDataSource|InjectRepository|InjectEntityManager)\b/, 'injects data access'],
  [/import\s+(?:type\s+)?\{[^}]*\bDataSource\b[^}]*\}\s+from\s+'typeorm'/, 'takes the DataSource'],
  [
    /\b(?:dataSource|manager|runner|queryRunner|connection)\s*\.\s*(?:query|createQueryBuilder|getRepository|find\w*|insert|update|delete|upsert|save)\s*\(/,
    'runs a statement',
  ],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Comments say what code does; only code queries. */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Why a file's code is data access, or nothing when it is not. */
export function dataAccessIn(text: string): string[] {
  const code = withoutComments(text);
  return DATA_ACCESS.filter(([pattern]) => pattern.test(code)).map(([, why]) => why);
}

describe('queries live in repositories', () => {
  it('no service, job or rule outside a repository takes the DataSource or runs a statement', () => {
    const found: Record<string, string[]> = {};
    for (const lib of readdirSync(LIBS, { withFileTypes: true })) {
      if (!lib.isDirectory() || lib.name === 'database') continue;
      for (const file of sourceFiles(join(LIBS, lib.name, 'src'))) {
        if (/\.(?:repository|spec|int-spec|d)\.ts$/.test(file)) continue;
        const why = dataAccessIn(readFileSync(file, 'utf8'));
        if (why.length) found[relative(ROOT, file)] = why;
      }
    }
    expect(Object.keys(found).sort()).toEqual([...NOT_YET_MOVED].sort());
  });

  it('sees injection, the DataSource and statements, not words in comments', () => {
    expect(dataAccessIn("import { InjectDataSource } from '@nestjs/typeorm';")).toEqual([
      'injects data access',
    ]);
    expect(dataAccessIn("import type { DataSource, EntityManager } from 'typeorm';")).toEqual([
      'takes the DataSource',
    ]);
    expect(dataAccessIn('await manager.query(`SELECT 1`);')).toEqual(['runs a statement']);
    expect(dataAccessIn('return this.dataSource.transaction(work);')).toEqual([]);
    expect(dataAccessIn('await this.statements.query({ limit });')).toEqual([]);
    expect(dataAccessIn("import type { EntityManager } from 'typeorm';")).toEqual([]);
    expect(dataAccessIn('/** Reads through the DataSource and manager.query(...) */')).toEqual([]);
  });
});
