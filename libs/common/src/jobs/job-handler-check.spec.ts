import type { QueueName } from '../config/config';
import {
  checkJobHandlers,
  type DiscoveredJobHandler,
  JobHandlersMismatchError,
} from './job-handler-check';
import { JOBS } from './job-registry';

const everyJob = (): DiscoveredJobHandler[] =>
  Object.keys(JOBS).map((job) => ({ job, owner: `Handlers.${job}` }));
const allQueues: QueueName[] = ['media-transcode', 'documents', 'notifications', 'default'];

function problemsOf(handlers: DiscoveredJobHandler[], queues: QueueName[]): string {
  try {
    checkJobHandlers(handlers, queues);
  } catch (error) {
    if (error instanceof JobHandlersMismatchError) return error.message;
    throw error;
  }
  return '';
}

describe('checkJobHandlers', () => {
  it('accepts one handler per job', () => {
    expect(problemsOf(everyJob(), allQueues)).toBe('');
  });

  it('names every job of an enabled queue that has no handler', () => {
    const handlers = everyJob().filter(({ job }) => job !== 'outbox.relay');
    expect(problemsOf(handlers, allQueues)).toMatch(/outbox\.relay \(queue default\): no handler/);
  });

  it('does not ask for handlers of queues this worker does not take', () => {
    expect(problemsOf([], ['media-transcode'])).not.toMatch(/outbox\.relay/);
  });

  it('names a job with two handlers and both owners, whatever the queue', () => {
    const handlers = [...everyJob(), { job: 'outbox.relay', owner: 'Other.relay' }];
    expect(problemsOf(handlers, ['media-transcode'])).toMatch(
      /outbox\.relay: 2 handlers \(Handlers\.outbox\.relay, Other\.relay\)/,
    );
  });

  it('lists every problem in one message', () => {
    const handlers = [
      ...everyJob().filter(({ job }) => job !== 'organizations.import-staff'),
      { job: 'outbox.relay', owner: 'Other.relay' },
      { job: 'nobody.knows-this', owner: 'Stray.run' },
    ];
    const message = problemsOf(handlers, allQueues);
    expect(message).toMatch(/organizations\.import-staff \(queue default\): no handler/);
    expect(message).toMatch(/outbox\.relay: 2 handlers/);
    expect(message).toMatch(
      /nobody\.knows-this: handled by Stray\.run but not in the job registry/,
    );
  });
});
