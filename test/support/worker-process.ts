import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHILD_OVERRIDES } from '../setup/test-env';
import { endWith } from './api-process';
import { registerChild } from './child-registry';

/** A real worker (createWorker) in a child process, which a test may kill outright. */
export class WorkerProcess {
  private constructor(private readonly child: ChildProcess) {}

  /**
   * Starts it with the test's settings plus `env` (and in `cwd`, the repository's by default);
   * resolves once it runs its queues.
   */
  static async start(
    env: Record<string, string>,
    { cwd }: { cwd?: string } = {},
  ): Promise<WorkerProcess> {
    const script = join(__dirname, 'child', 'worker-process.ts');
    const child = spawn(
      process.execPath,
      ['-r', join(__dirname, 'child', 'register-ts.cjs'), script],
      // Its own process group, so a kill takes its ffmpeg along, as a machine or container dying would.
      {
        env: { ...process.env, [CHILD_OVERRIDES]: JSON.stringify(env) },
        cwd,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    registerChild(child, script, true);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('worker ready')) resolve();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${output}`)));
    });
    return new WorkerProcess(child);
  }

  /**
   * SIGTERM to the worker alone, as an orchestrator stops it: it stops taking jobs and finishes
   * the ones it runs (its ffmpeg included) before it exits; resolves with how it ended.
   */
  async terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return endWith(this.child, 'SIGTERM');
  }

  /** SIGKILL to the whole group: no shutdown hook, no cleanup, ffmpeg gone too. */
  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    if (this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGKILL');
    await exited;
  }
}
