import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const COMMITTED = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.d.ts');

// The web app is typed by the api's own OpenAPI document (web.md "API types"): a route or DTO
// changed without regenerating would let the app compile against a contract that is gone.
describe("the web app's api types", () => {
  it('match the api as it is now (else run `npm run api:types`)', () => {
    // A child process: the generator uses prettier, whose ESM core jest's runtime cannot load.
    const generated = spawnSync(
      process.execPath,
      [
        '-r',
        join(ROOT, 'test', 'support', 'child', 'register-ts.cjs'),
        join(ROOT, 'apps', 'web', 'scripts', 'api-types.ts'),
        '--print',
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    const fresh = generated.stdout === readFileSync(COMMITTED, 'utf8');
    if (!fresh)
      throw new Error(
        'apps/web/src/api/schema.d.ts is stale: the api changed since it was generated. ' +
          'Run `npm run api:types` and commit the result.',
      );
  }, 120_000);
});
