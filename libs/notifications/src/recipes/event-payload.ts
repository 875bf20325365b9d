import { isId } from '@lifelong/common';

/** The event cannot become notifications (unknown kind, no recipient): retrying will not help. */
export class UndeliverableEventError extends Error {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UndeliverableEventError('The event payload is not valid JSON');
  }
}

/** Longest snapshot string kept: titles and reasons, not documents. */
const MAX_TEXT = 300;

/** The names of event E's fields whose values are `V`. */
type FieldOf<E, V> = { [F in keyof E]-?: E[F] extends V ? F : never }[keyof E] & string;

/**
 * Reads an outbox payload (JSON from the database, so untyped) field by field: ids must be ids,
 * snapshot strings are optional, trimmed and capped. Field names are checked against event E's
 * payload, so renaming a field of an event breaks the recipes that read it.
 */
export class EventPayload<E extends object> {
  private readonly fields: Record<string, unknown>;

  constructor(payload: unknown) {
    const parsed = typeof payload === 'string' ? parseJson(payload) : payload;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new UndeliverableEventError('The event payload is not an object');
    this.fields = parsed as Record<string, unknown>;
  }

  /** A required id (a recipient, the subject): its absence makes the event undeliverable. */
  id(name: FieldOf<E, string>): string {
    const value = this.fields[name];
    if (!isId(value)) throw new UndeliverableEventError(`The event has no valid "${name}"`);
    return value;
  }

  /** Required ids (broadcast recipients). */
  ids(name: FieldOf<E, string[]>): string[] {
    const value = this.fields[name];
    if (!Array.isArray(value) || !value.every(isId))
      throw new UndeliverableEventError(`The event has no valid "${name}" list`);
    return value;
  }

  /** A required opaque key that is not a UUID (a certificate serial). */
  key(name: FieldOf<E, string>): string {
    const value = this.snapshot(name);
    if (value === undefined || !/^[A-Za-z0-9-]{1,64}$/.test(value))
      throw new UndeliverableEventError(`The event has no valid "${name}"`);
    return value;
  }

  /** An optional snapshot string; absent, blank or not a string reads as undefined. */
  text(name: FieldOf<E, string | null | undefined>): string | undefined {
    return this.snapshot(name);
  }

  private snapshot(name: string): string | undefined {
    const value = this.fields[name];
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    return value.trim().slice(0, MAX_TEXT);
  }
}
