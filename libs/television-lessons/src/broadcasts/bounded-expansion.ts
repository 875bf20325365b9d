import { createContext, Script } from 'node:vm';
import { runWorkerScript } from '@lifelong/common';
import { RRule, rrulestr } from 'rrule';

/** The start times a rule made (floating, as epoch ms), and whether it went past the limits. */
export interface Expansion {
  starts: number[];
  tooLong: boolean;
}

/**
 * How long expanding a rule may hold the request thread. A series of 200 slots takes a few
 * milliseconds once the code is warm; a rule whose candidates never match keeps the library
 * walking periods up to the year 9999, which the budget cuts short.
 */
export const THREAD_BUDGET_MS = 25;
/** How long a rule that overran the thread budget may take in a worker thread. */
export const WORKER_BUDGET_MS = 1_000;

/**
 * Expands `rule` (an RRULE body, checked by the caller) from `dtstart`, stopping at `max` slots
 * or past `limit`. The library only calls back for produced dates, so the callback bounds the
 * slots but not the candidates it walks through: time bounds those. The expansion first runs
 * on this thread for at most {@link THREAD_BUDGET_MS} (V8 stops it from a watchdog thread); a
 * rule that needs longer (a cold start, a rule that rarely matches) is expanded again in a
 * worker thread for at most {@link WORKER_BUDGET_MS}. Null when it did not
 * finish there either.
 */
export async function expandBounded(
  rule: string,
  dtstart: Date,
  limit: Date,
  max: number,
): Promise<Expansion | null> {
  const job = { rule, dtstart: dtstart.getTime(), limit: limit.getTime(), max };
  return onThisThread(() => collect(job)) ?? inWorker(job);
}

// One context and script for every run: `timeout` makes V8 stop synchronous work from a
// watchdog thread, which no callback inside the library could.
const context = createContext({ job: (): unknown => undefined });
const runJob = new Script('job()');

function onThisThread(job: () => Expansion): Expansion | null {
  context.job = job;
  try {
    return runJob.runInContext(context, { timeout: THREAD_BUDGET_MS }) as Expansion;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return null;
    throw error;
  } finally {
    context.job = (): unknown => undefined;
  }
}

/** What one expansion needs: the rule, its start, and the two limits. */
interface ExpansionJob {
  rule: string;
  dtstart: number;
  limit: number;
  max: number;
}

// The expansion as plain JavaScript, so the same text runs on this thread and in a worker
// thread (runWorkerScript cannot load our bundled TypeScript): `load` names a package, `data`
// is the job.
const COLLECT_SCRIPT = `
const { RRule, rrulestr } = load('rrule');
const { rule, dtstart, limit, max } = data;
const parsed = rrulestr('RRULE:' + rule, { forceset: false });
const expanded = new RRule({ ...parsed.origOptions, dtstart: new Date(dtstart), tzid: null });
const result = { starts: [], tooLong: false };
expanded.all((date, index) => {
  if (index >= max || date.getTime() > limit) {
    result.tooLong = true;
    return false;
  }
  result.starts.push(date.getTime());
  return true;
});
return result;
`;

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own constant script, above
const collectHere = new Function('load', 'data', COLLECT_SCRIPT) as (
  load: (name: string) => unknown,
  data: ExpansionJob,
) => Expansion;
const loadHere = (name: string): unknown => (name === 'rrule' ? { RRule, rrulestr } : undefined);
const collect = (job: ExpansionJob): Expansion => collectHere(loadHere, job);

function inWorker(job: ExpansionJob): Promise<Expansion | null> {
  return runWorkerScript<Expansion>(COLLECT_SCRIPT, job, { timeoutMs: WORKER_BUDGET_MS });
}
