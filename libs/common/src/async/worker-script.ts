import { Worker } from 'node:worker_threads';

/** How a script in a worker thread is bounded. */
export interface WorkerScriptLimits {
  /**
   * Wall time from the moment the script starts running in its thread; the thread is
   * terminated after it. Starting a thread is not counted: on a loaded machine it alone can
   * take longer than the work, and a budget that counted it would refuse good input there.
   */
  timeoutMs: number;
  /** The thread's heap (a hostile input that expands in memory fails instead of swapping). */
  maxMemoryMb?: number;
}

/** How long a thread may take to start before the script is given up (a machine that stuck). */
const START_LIMIT_MS = 30_000;
/** At most this many script threads run at once; more wait their turn. */
const MAX_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/**
 * Runs CPU-heavy work that a request must not do on its own thread (which would stall every
 * other request) in a worker thread, bounded in time and memory. `body` is plain JavaScript, the
 * body of a function of `(load, data)` that returns a value or a promise of one: `load(name)`
 * requires a package from this app's node_modules (the build bundles our own sources, so a
 * thread cannot load them), `data` is `data` as structured-cloned. Resolves with the value
 * (structured-cloned back), or null when the time ran out; rejects when the script threw.
 */
export async function runWorkerScript<T>(
  body: string,
  data: unknown,
  limits: WorkerScriptLimits,
): Promise<T | null> {
  if (running >= MAX_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await runThread<T>(body, data, limits);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runThread<T>(body: string, data: unknown, limits: WorkerScriptLimits): Promise<T | null> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
const load = require('node:module').createRequire(workerData.from);
const run = async (load, data) => {
${body}
};
parentPort.postMessage({ started: true });
run(load, workerData.data).then(
  (value) => parentPort.postMessage({ value }),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, {
      eval: true,
      workerData: { from: __filename, data },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb ?? 64 },
    });
    const giveUp = () => {
      resolve(null);
      void worker.terminate();
    };
    let timer = setTimeout(giveUp, START_LIMIT_MS);
    worker.on('message', (message: { started?: true; value?: T; error?: string }) => {
      clearTimeout(timer);
      if (message.started) {
        timer = setTimeout(giveUp, limits.timeoutMs);
        return;
      }
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.value as T);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      reject(new Error('The worker thread stopped without an answer'));
    });
  });
}
