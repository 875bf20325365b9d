import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const ROOT = join(__dirname, '../..');
const WEB_SOURCES = join(ROOT, 'apps/web');
/** The built web app, as the api serves it (`WEB_DIR`). */
export const WEB_DIR = join(ROOT, 'dist/web');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
/** The system's Chromium: benches never download a browser. */
export const CHROME = '/usr/bin/chromium';

/** The newest modification time under a folder (tests aside: they are not in the build). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'test' && name !== 'node_modules')
    .reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** Builds the web app when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<string> {
  const index = join(WEB_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(WEB_SOURCES)) return 'up to date';
  const started = process.hrtime.bigint();
  await run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], {
    cwd: WEB_SOURCES,
    // Jest runs with NODE_ENV=test, with which Vite would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return `built in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`;
}
