import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHILD_OVERRIDES } from '../setup/test-env';
import { registerChild } from './child-registry';

/**
 * The real api (createApp, with the test's settings) in a child process: a test can probe it
 * from outside while one of its requests holds the event loop, and kill it whatever state it is
 * in.
 */
export class ApiProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** `http://127.0.0.1:<port>`. */
    readonly base: string,
  ) {}

  /** Starts it with the test's settings plus `env`; resolves once it listens. */
  static async start(env: Record<string, string> = {}): Promise<ApiProcess> {
    const script = join(__dirname, 'child', 'api-process.ts');
    const child = spawn(
      process.execPath,
      ['-r', join(__dirname, 'child', 'register-ts.cjs'), script],
      {
        env: { ...process.env, [CHILD_OVERRIDES]: JSON.stringify(env) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    registerChild(child, script);
    let output = '';
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /api ready (\S+)/.exec(output);
        if (ready) resolve(ready[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`api exited ${code}: ${output}`)));
    });
    return new ApiProcess(child, base);
  }

  /**
   * SIGTERM, as an orchestrator stops it: resolves with how it ended once it has (graceful
   * shutdown: it stops listening, finishes the requests in flight, then closes its pools).
   */
  async terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return endWith(this.child, 'SIGTERM');
  }

  /** SIGKILL: a stuck event loop cannot delay it. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** Sends `signal` to `child` (unless it has ended) and resolves with how it ended. */
export async function endWith(
  child: ChildProcess,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
  return { code: child.exitCode, signal: child.signalCode };
}
