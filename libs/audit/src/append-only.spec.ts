import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditLog } from './audit-log.service';
import { AuditReads } from './audit-reads.service';

// The application has no path that changes or removes an audit entry: the services offer only
// insert and read, and no source file outside the migrations writes UPDATE or DELETE for the
// table or calls a changing repository method where the entity is named.

const ROOT = join(__dirname, '../../..');
const SOURCE_DIRS = ['apps', 'libs'];
const SKIPPED = /(^|\/)(node_modules|dist|migrations|test|e2e)(\/|$)|\.spec\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (SKIPPED.test(relative(ROOT, path))) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
const CHANGING_SQL =
  /\b(UPDATE\s+`?audit_entries|DELETE\s+FROM\s+`?audit_entries|TRUNCATE\s+(TABLE\s+)?`?audit_entries|DROP\s+TABLE\s+`?audit_entries|DROP\s+TRIGGER)/i;
const CHANGING_CALL =
  /\.(update|delete|save|remove|softDelete|softRemove|upsert|increment|decrement|restore|clear|orUpdate)\s*\(/;

const ownMethods = (prototype: object): string[] =>
  Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof Reflect.get(prototype, name) === 'function',
  );

describe('the audit log is append-only in the application', () => {
  it('reads the whole source tree (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((file) => file.endsWith('audit-log.service.ts'))).toBe(true);
  });

  it('offers only record and insert (writes) and search (read)', () => {
    expect(ownMethods(AuditLog.prototype).filter((name) => name !== 'resolver')).toEqual([
      'record',
    ]);
    expect(ownMethods(AuditReads.prototype)).toEqual(['search']);
    expect(ownMethods(AuditEntriesRepository.prototype)).toEqual(['insert', 'search']);
  });

  it('has no UPDATE, DELETE or TRUNCATE of audit_entries outside the migrations', () => {
    const offending = files.filter((file) => CHANGING_SQL.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('calls no changing repository method in any file that names the entry', () => {
    const offending = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /\bAuditEntry\b|audit_entries/.test(text) && CHANGING_CALL.test(text);
    });
    expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
