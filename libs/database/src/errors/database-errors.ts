import { DomainError } from '@lifelong/common';

/**
 * What a failed statement means, read the same way everywhere. mysql2 puts the server's error
 * code on the error it throws; TypeORM wraps that error in a QueryFailedError that keeps it as
 * `driverError` (and copies its fields), so both shapes are read here.
 */
interface ServerError {
  code?: unknown;
  sqlMessage?: unknown;
  fatal?: unknown;
}

function serverError(error: unknown): ServerError {
  if (typeof error !== 'object' || error === null) return {};
  const driverError = (error as { driverError?: unknown }).driverError;
  return typeof driverError === 'object' && driverError !== null ? driverError : error;
}

/** The server's error code (`ER_DUP_ENTRY`, …), if `error` came from the database. */
export function databaseErrorCode(error: unknown): string | undefined {
  const { code } = serverError(error);
  return typeof code === 'string' ? code : undefined;
}

/** A unique key refused the row; with `index`, only when it is that unique index. */
export function isDuplicateKey(error: unknown, index?: string): boolean {
  if (databaseErrorCode(error) !== 'ER_DUP_ENTRY') return false;
  if (index === undefined) return true;
  const { sqlMessage } = serverError(error);
  return typeof sqlMessage === 'string' && sqlMessage.includes(index);
}

/** A foreign key refused the row: the row it points at does not exist. */
export function isMissingReference(error: unknown): boolean {
  return databaseErrorCode(error) === 'ER_NO_REFERENCED_ROW_2';
}

/**
 * The database chose this transaction as a deadlock's victim and rolled it back: running the
 * transaction again is the documented answer.
 */
export function isDeadlock(error: unknown): boolean {
  return databaseErrorCode(error) === 'ER_LOCK_DEADLOCK';
}

/** Network failures on the way to the server, when the driver did not mark them itself. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);

/**
 * The database was not there to answer: no connection could be made, or the one in use broke
 * under the statement (mysql2 marks those errors `fatal`, a refused statement is not). Nothing
 * is wrong with the request itself; the same request succeeds once the database is back.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const { code, fatal } = serverError(error);
  return fatal === true || (typeof code === 'string' && CONNECTION_CODES.has(code));
}

export interface RetryOptions {
  /** Runs in all, the first included (3 unless told). */
  attempts?: number;
  /** Another failure that running again resolves (a racing insert on a unique key, say). */
  orWhen?: (error: unknown) => boolean;
}

/**
 * Runs `work` (a whole transaction: it must be safe to run again) and runs it again when the
 * database picked it as a deadlock's victim, up to `attempts` runs; any other failure, or the
 * last one, is thrown.
 */
export async function retryOnDeadlock<T>(
  work: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const passing = isDeadlock(error) || (options.orWhen?.(error) ?? false);
      if (!passing || attempt >= attempts) throw error;
    }
  }
}

/** The refusal a request gets while the database cannot be reached (503). */
export class DatabaseUnavailableError extends DomainError<'DATABASE_UNAVAILABLE'> {
  constructor() {
    super(
      'DATABASE_UNAVAILABLE',
      'The database is unavailable at the moment; try again shortly',
      'unavailable',
    );
  }
}
