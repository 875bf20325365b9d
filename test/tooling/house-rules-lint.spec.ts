import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// House rules that lint enforces (eslint.config.mjs): dependencies point one way
// (LIB_DEPENDENCIES), and role lists are written once per lib (policies.ts). These fixtures are
// linted as if they were files at their path, with the repository's own config. Only these rules
// run (no type information), so a fixture needs no file on disk.
const ROOT = join(__dirname, '..', '..');

interface Fixture {
  path: string;
  code: string;
}

/** The messages these rules report for each fixture, in order. */
function lint(fixtures: Fixture[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
      ruleFilter: ({ ruleId }) =>
        ['no-restricted-imports', 'import-x/no-restricted-paths', 'no-restricted-syntax'].includes(ruleId),
    });
    const fixtures = JSON.parse(process.argv[1]);
    Promise.all(fixtures.map(({ path, code }) => eslint.lintText(code, { filePath: path })))
      .then((results) => process.stdout.write(JSON.stringify(
        results.map(([result]) => result.messages.map((m) => (m.ruleId ?? 'fatal') + ': ' + m.message)),
      )));`;
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify(fixtures)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[][];
}

const at = (lib: string, code: string): Fixture => ({ path: `libs/${lib}/src/fixture.ts`, code });

describe('the direction of dependencies between libs, to ESLint', () => {
  let messages: string[][];

  beforeAll(() => {
    messages = lint([
      // 0–4: the other way
      at('identity', "import { CoursesModule } from '@lifelong/courses';\nvoid CoursesModule;\n"),
      at(
        'courses',
        "import type { Enrollment } from '@lifelong/enrollment';\nexport type E = Enrollment;\n",
      ),
      at('enrollment', "export { TrainingModule } from '@lifelong/training';\n"),
      at('common', "import { DataSource } from '@lifelong/database';\nvoid DataSource;\n"),
      // siblings above enrollment do not know each other
      at(
        'training',
        "import { CertificatesModule } from '@lifelong/certificates';\nvoid CertificatesModule;\n",
      ),
      // 5–7: the allowed way, directly and through what a lib builds on
      at('courses', "import { IdentityModule } from '@lifelong/identity';\nvoid IdentityModule;\n"),
      at('training', "import { AuditModule } from '@lifelong/audit';\nvoid AuditModule;\n"),
      at('television-lessons', "import { Clock } from '@lifelong/common';\nvoid Clock;\n"),
      // 8: a lib's tests compose modules as the apps do
      {
        path: 'libs/audit/test/fixture.int-spec.ts',
        code: "import { OrganizationsModule } from '@lifelong/organizations';\nvoid OrganizationsModule;\n",
      },
      // 9: the door still holds where the direction rule replaces the base rule
      at(
        'training',
        "import { Enrollment } from '@lifelong/enrollment/src/enrollments/enrollment.entity';\nvoid Enrollment;\n",
      ),
    ]);
  }, 120_000);

  it('fails an import of a lib above, by value, by type or re-exported', () => {
    for (const found of messages.slice(0, 4)) {
      expect(found).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*Dependencies point one way/),
      ]);
    }
    expect(messages[0]![0]).toContain("'@lifelong/courses' import is restricted");
    expect(messages[0]![0]).toContain('identity builds on audit, common, database');
  });

  it('fails an import between libs that build on the same one', () => {
    expect(messages[4]).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*training builds on .*enrollment/),
    ]);
  });

  it('passes an import of a lib below, however far', () => {
    expect(messages.slice(5, 8)).toEqual([[], [], []]);
  });

  it("passes a lib's own tests importing any lib", () => {
    expect(messages[8]).toEqual([]);
  });

  it('still fails an import past a lib’s index', () => {
    expect(messages[9]).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*only through its index/),
    ]);
  });
});

describe('role lists, to ESLint', () => {
  let messages: string[][];
  const controller = (roles: string) =>
    `class C {\n  @RequireRoles(${roles})\n  list(): void {}\n}\n`;
  const service = (roles: string) =>
    `export const check = (access: A, p: P) => access.assertCovers(p, ${roles}, place);\n`;
  const reach = "export const r = (access: A, p: P) => access.reach(p, ['admin']);\n";

  beforeAll(() => {
    messages = lint([
      // 0–2: written out
      at('training', controller("'admin', 'org_manager'")),
      at('training', service("['admin', 'org_manager']")),
      at('organizations', reach),
      // 3–4: spread or checked from the lib's policies
      at('training', controller('...REPORT_READERS')),
      at('training', service('REPORT_READERS')),
      // 5: written where they belong
      { path: 'libs/training/src/policies.ts', code: reach },
    ]);
  }, 120_000);

  it('fails roles written out in a controller (each one) or a service', () => {
    const spread: unknown = expect.stringMatching(
      /^no-restricted-syntax: Spread a role constant .*policies/,
    );
    const check: unknown = expect.stringMatching(
      /^no-restricted-syntax: Check a role constant .*policies/,
    );
    expect(messages.slice(0, 3)).toEqual([[spread, spread], [check], [check]]);
  });

  it("passes the lib's own constants, and roles written in its policies.ts", () => {
    expect(messages.slice(3)).toEqual([[], [], []]);
  });
});
