import { v7 as uuidv7 } from 'uuid';

/** Opaque ids: time-ordered UUIDv7, so InnoDB primary keys grow at the end instead of splitting pages. */
export const newId = (): string => uuidv7();

export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value);
