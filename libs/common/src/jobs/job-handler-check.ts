import type { QueueName } from '../config/config';
import { StartupError } from '../errors/startup-error';
import { JOBS, type JobName } from './job-registry';

/** One method found marked `@JobHandler(job)`; `owner` names it as `Class.method`. */
export interface DiscoveredJobHandler {
  job: string;
  owner: string;
}

/** Thrown at worker start; the message lists every job that has no handler or more than one. */
export class JobHandlersMismatchError extends StartupError {
  constructor(readonly problems: readonly string[]) {
    super(
      `The worker cannot start: job handlers do not match the job registry.\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}

const isJobName = (name: string): name is JobName => Object.hasOwn(JOBS, name);

/**
 * Every job of an enabled queue needs exactly one handler; no job may have two, whatever its
 * queue; a handler must name a registered job.
 */
export function checkJobHandlers(
  handlers: readonly DiscoveredJobHandler[],
  enabledQueues: readonly QueueName[],
): void {
  const owners = new Map<string, string[]>();
  for (const { job, owner } of handlers) owners.set(job, [...(owners.get(job) ?? []), owner]);
  const problems: string[] = [];
  for (const [job, found] of owners) {
    if (!isJobName(job)) {
      problems.push(`${job}: handled by ${found.join(', ')} but not in the job registry`);
    } else if (found.length > 1) {
      problems.push(
        `${job}: ${found.length} handlers (${found.join(', ')}); keep exactly one @JobHandler('${job}')`,
      );
    }
  }
  for (const [job, definition] of Object.entries(JOBS)) {
    if (enabledQueues.includes(definition.queue) && !owners.has(job)) {
      problems.push(
        `${job} (queue ${definition.queue}): no handler; mark one provider method @JobHandler('${job}') in a worker module`,
      );
    }
  }
  if (problems.length > 0) throw new JobHandlersMismatchError(problems);
}
