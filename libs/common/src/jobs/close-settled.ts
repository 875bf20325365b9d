import { withTimeout } from '../async/with-timeout';

/** How long a closing queue or worker may take to finish connecting first. */
const INIT_SETTLE_MS = 1_000;

/**
 * Closes a BullMQ queue or worker. Closing while BullMQ still initializes a connection drops its
 * error listeners first, so an init failure then crashes the process: let initialization settle
 * first (bounded, since with Redis away it never does).
 */
export async function closeSettled(client: {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}): Promise<void> {
  await withTimeout(client.waitUntilReady(), INIT_SETTLE_MS, 'not ready').catch(() => undefined);
  await client.close();
}
