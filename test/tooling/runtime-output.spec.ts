import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// The README's two commands must not break each other: what `npm start` writes (HLS segments
// named *.ts under var/media, mail, .env) and what builds and tests write (dist/, .reports/) is
// never read as source by lint, formatting, type-check or jest. Files are planted where the
// platform puts them, with content each tool would refuse, and every tool must pass them by.
const ROOT = join(__dirname, '..', '..');
const probe = `runtime-output-probe-${process.pid}`;
const PLANTED = [
  `var/media/${probe}/seg0.ts`,
  `var/media/${probe}/index.m3u8`,
  `var/mail/${probe}.eml`,
  `dist/${probe}/main.ts`,
  `.reports/${probe}/result.ts`,
].map((path) => join(ROOT, path));
const NOT_TYPESCRIPT = 'G@\u0000\u0001 this is an MPEG-TS segment, not TypeScript {{{\n';
const ENV = join(ROOT, '.env');
let plantedEnv = false;

function node(script: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, ['-e', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const bin = (pkg: string, path: string) => join(ROOT, 'node_modules', pkg, path);

beforeAll(() => {
  for (const file of PLANTED) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, NOT_TYPESCRIPT);
  }
  // A developer's own .env stays as it is; a missing one is planted, then removed. It holds no
  // setting: `npm run api:types` or `npm start`, run meanwhile, would read it.
  if (!existsSync(ENV)) {
    writeFileSync(ENV, '# planted by runtime-output.spec = = {{{ not prettier-able\n');
    plantedEnv = true;
  }
});

afterAll(() => {
  for (const dir of [`var/media/${probe}`, `dist/${probe}`, `.reports/${probe}`])
    rmSync(join(ROOT, dir), { recursive: true, force: true });
  rmSync(join(ROOT, `var/mail/${probe}.eml`), { force: true });
  if (plantedEnv) rmSync(ENV, { force: true });
});

describe("what the running platform writes, to the project's tools", () => {
  it('is ignored by ESLint (eslint .)', () => {
    const script = `
      const { ESLint } = require('eslint');
      const eslint = new ESLint({ cwd: process.cwd() });
      Promise.all(process.argv.slice(1).map((file) => eslint.isPathIgnored(file)))
        .then((ignored) => process.stdout.write(JSON.stringify(ignored)));`;
    const ignored = JSON.parse(node(script, ...PLANTED, ENV)) as boolean[];
    expect(ignored.every(Boolean)).toBe(true);
  }, 60_000);

  it('is ignored by Prettier (prettier --check .)', () => {
    const result = spawnSync(
      process.execPath,
      [bin('prettier', 'bin/prettier.cjs'), '--check', ...PLANTED, ENV],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  }, 60_000);

  it.each(['tsconfig.json', 'apps/web/tsconfig.json'])(
    'is not part of the type-checked program (tsc -p %s)',
    (project) => {
      const result = spawnSync(
        process.execPath,
        [bin('typescript', 'bin/tsc'), '-p', project, '--noEmit', '--listFilesOnly'],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      expect(result.status).toBe(0);
      const files = result.stdout.split('\n').map((file) => relative(ROOT, file));
      expect(files.some((file) => file.startsWith('apps/'))).toBe(true); // it listed the program
      expect(files.filter((file) => file.includes(probe))).toEqual([]);
    },
    120_000,
  );

  it('is not a test to jest (jest --listTests)', () => {
    const result = spawnSync(process.execPath, [bin('jest', 'bin/jest.js'), '--listTests'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('runtime-output.spec.ts');
    expect(result.stdout).not.toContain(probe);
  }, 60_000);

  it("never reaches a test's settings (testConfig), nor does the shell's environment", () => {
    // A folder of its own with the .env `npm start` writes: the repository's .env is left alone.
    const cwd = mkdtempSync(join(tmpdir(), `${probe}-`));
    try {
      writeFileSync(
        join(cwd, '.env'),
        'LOG_LEVEL=debug\nMAIL_FROM=Dotenv <dotenv@example.vn>\nREGISTER_MAX_PER_IP=3\n',
      );
      const script = `
        const { testConfig } = require(${JSON.stringify(join(ROOT, 'test/setup/test-env.ts'))});
        const config = testConfig();
        process.stdout.write(JSON.stringify({
          log: config.log.level,
          mailFrom: config.mail.from,
          registerMaxPerIp: config.auth.registration.maxPerIp,
          smtpUrl: config.mail.smtpUrl,
        }));`;
      const result = spawnSync(
        process.execPath,
        ['-r', join(ROOT, 'test/support/child/register-ts.cjs'), '-e', script],
        {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, SMTP_URL: 'smtp://shell.example.vn:587' },
        },
      );
      expect(result.stderr).toBe('');
      // The test settings, then the defaults: nothing from the .env or the shell.
      expect(JSON.parse(result.stdout)).toEqual({
        log: 'silent',
        mailFrom: 'Lifelong <no-reply@lifelong.local>',
        registerMaxPerIp: 100_000,
        smtpUrl: null,
      });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});
