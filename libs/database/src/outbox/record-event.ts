import { currentRequestId, type OutboxEventType, type OutboxEvents } from '@lifelong/common';
import type { EntityManager } from 'typeorm';

/**
 * Writes an event in the caller's transaction: it exists exactly when the change that caused it
 * commits, whether or not Redis is reachable. The worker's relay delivers it.
 */
export async function recordEvent<E extends OutboxEventType>(
  manager: EntityManager,
  type: E,
  payload: OutboxEvents[E],
): Promise<void> {
  await manager.query(
    'INSERT INTO `outbox_events` (`type`, `payload`, `request_id`) VALUES (?, ?, ?)',
    [type, JSON.stringify(payload), currentRequestId() ?? null],
  );
}

/** Writes several events of one type in the caller's transaction, in one multi-row insert. */
export async function recordEvents<E extends OutboxEventType>(
  manager: EntityManager,
  type: E,
  payloads: readonly OutboxEvents[E][],
): Promise<void> {
  if (payloads.length === 0) return;
  const requestId = currentRequestId() ?? null;
  await manager.query('INSERT INTO `outbox_events` (`type`, `payload`, `request_id`) VALUES ?', [
    payloads.map((payload) => [type, JSON.stringify(payload), requestId]),
  ]);
}

/** An event as it was recorded. */
export interface RecordedEvent {
  id: string;
  type: string;
  payload: unknown;
  /** When the event was written: the commit of the change that caused it. */
  recordedAt: Date;
}

/**
 * The event `id` as recorded, for a job that acts on it (the relay passes only its id); null
 * when there is none. The payload is parsed here: MariaDB may hand a JSON column back as text.
 */
export async function readEvent(manager: EntityManager, id: string): Promise<RecordedEvent | null> {
  const [row] = await manager.query<
    { id: string | number; type: string; payload: unknown; created_at: Date }[]
  >('SELECT `id`, `type`, `payload`, `created_at` FROM `outbox_events` WHERE `id` = ?', [id]);
  if (!row) return null;
  const payload: unknown = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  return { id: String(row.id), type: row.type, payload, recordedAt: new Date(row.created_at) };
}
