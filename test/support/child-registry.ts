import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The child processes tests start (a worker, an api, an identity provider), one file each while
 * they live, so the global teardown can end those a failed or interrupted test left behind: a
 * worker still running its queues would hold the run's databases and Redis keys.
 */
export function childRegistryDir(prefix = process.env.TEST_DB_PREFIX ?? 'lifelong_test'): string {
  return join(tmpdir(), `${prefix}-test-children`);
}

interface Entry {
  /** What the child runs, checked against its command line before it is killed. */
  script: string;
  /** Started detached: its whole process group (ffmpeg included) goes with it. */
  group: boolean;
}

/** Records `child` until it exits. */
export function registerChild(child: ChildProcess, script: string, group = false): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const dir = childRegistryDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, String(pid));
  writeFileSync(file, JSON.stringify({ script, group } satisfies Entry));
  child.once('exit', () => rmSync(file, { force: true }));
}

/** Kills every recorded child still running the script it was started with; returns how many. */
export function reapChildren(dir = childRegistryDir()): number {
  if (!existsSync(dir)) return 0;
  let reaped = 0;
  for (const name of readdirSync(dir)) {
    const pid = Number(name);
    const entry = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Entry;
    // A pid is reused once its process is gone: kill only what still runs our script (read from
    // /proc; where there is none, nothing is killed).
    if (Number.isInteger(pid) && commandLine(pid).includes(entry.script)) {
      try {
        process.kill(entry.group ? -pid : pid, 'SIGKILL');
        reaped += 1;
      } catch {
        // Ended between the check and the kill.
      }
    }
    rmSync(join(dir, name), { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  return reaped;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
