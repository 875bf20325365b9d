import { spawn } from 'node:child_process';

export interface LoadFigures {
  /** Mean requests per second over the run. */
  rate: number;
  /** 99th percentile latency, milliseconds. */
  p99: number;
  /** Responses other than 2xx, and connection errors or timeouts. */
  failed: number;
}

/**
 * Drives `url` with autocannon in a process of its own (a client in the measured process would
 * charge its own cost to the server), `connections` in flight for `seconds`.
 */
export function autocannon(
  url: string,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const cli = require.resolve('autocannon/autocannon.js');
  const child = spawn(
    process.execPath,
    [cli, '-j', '-c', String(connections), '-d', String(seconds), url],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${errors}`));
      const result = JSON.parse(output) as {
        requests: { average: number };
        latency: { p99: number };
        non2xx: number;
        errors: number;
        timeouts: number;
      };
      resolve({
        rate: result.requests.average,
        p99: result.latency.p99,
        failed: result.non2xx + result.errors + result.timeouts,
      });
    });
  });
}
