import type { JobName, JobPayloads } from './job-registry';

/**
 * Every event written to the transactional outbox, with its payload. Payloads carry ids.
 * A domain adds its events here and routes them to jobs in EVENT_ROUTES.
 */
export interface OutboxEvents {
  'organizations.staff-import-requested': { importId: string };
}

export type OutboxEventType = keyof OutboxEvents;

/** One job an event becomes; `jobId` makes delivery happen once however often the relay runs. */
export interface EventRoute<E extends OutboxEventType = OutboxEventType> {
  job: JobName;
  payload: (event: OutboxEvents[E]) => JobPayloads[JobName];
}

type Routes = { readonly [E in OutboxEventType]: readonly EventRoute<E>[] };

/** Which jobs each event becomes. An event with no route is only kept as history. */
export const EVENT_ROUTES: Routes = {
  'organizations.staff-import-requested': [
    { job: 'organizations.import-staff', payload: (event) => ({ importId: event.importId }) },
  ],
};
