import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiProcess } from '../test/support/api-process';
import { registerChild } from '../test/support/child-registry';
import { autocannon, type LoadFigures } from './support/autocannon';

// Issue 19, item 7: the framework's own cost. The app's trivial public route (GET /health: no
// database, no token) against Fastify alone answering the same, each in a process of its own,
// driven by autocannon from a third process. Rounds alternate the two, so a load spike on the
// machine hits both alike; medians count.
const ROUNDS = 3;
const SECONDS = 8;
const CONNECTIONS = 50;
const GOAL = 0.5;

/** Fastify alone (bench/support/bare-fastify.cjs), listening; resolves with its base URL. */
async function bareFastify(): Promise<{ child: ChildProcess; base: string }> {
  const script = join(__dirname, 'support', 'bare-fastify.cjs');
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  registerChild(child, script);
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening (\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare Fastify exited ${code}`)));
  });
  return { child, base };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('framework cost', () => {
  let api: ApiProcess | undefined;
  let bare: ChildProcess | undefined;

  afterAll(async () => {
    await api?.kill();
    bare?.kill('SIGKILL');
  });

  it(`serves its trivial public route at ≥ ${GOAL} of Fastify alone`, async () => {
    // As in production: request logging on (the probe itself is one of the quiet routes).
    api = await ApiProcess.start({ LOG_LEVEL: 'info' });
    const fastify = await bareFastify();
    bare = fastify.child;
    const targets = { app: `${api.base}/health`, bare: `${fastify.base}/health` };
    // Warm-up: JIT, sockets.
    await autocannon(targets.bare, CONNECTIONS, 2);
    await autocannon(targets.app, CONNECTIONS, 2);
    const figures = { app: [] as LoadFigures[], bare: [] as LoadFigures[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      figures.bare.push(await autocannon(targets.bare, CONNECTIONS, SECONDS));
      figures.app.push(await autocannon(targets.app, CONNECTIONS, SECONDS));
    }
    const app = median(figures.app.map((figure) => figure.rate));
    const limit = median(figures.bare.map((figure) => figure.rate));
    const p99 = (list: LoadFigures[]) => median(list.map((figure) => figure.p99));
    const ratio = app / limit;
    process.stdout.write(
      [
        '',
        `framework: GET /health, ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, autocannon in its own process (medians)`,
        `  app (Nest on Fastify, every hook and guard)  ${app.toFixed(0).padStart(7)} req/s  p99 ${p99(figures.app)} ms`,
        `  limit: Fastify alone, same answer            ${limit.toFixed(0).padStart(7)} req/s  p99 ${p99(figures.bare)} ms`,
        `  ratio app / limit: ${ratio.toFixed(2)} (goal ≥ ${GOAL})`,
        '',
      ].join('\n') + '\n',
    );
    expect([...figures.app, ...figures.bare].every((figure) => figure.failed === 0)).toBe(true);
    expect(ratio).toBeGreaterThanOrEqual(GOAL);
  });
});
