/**
 * What a failed statement means, read the same way everywhere. mysql2 puts the server's error
 * code on the error it throws; TypeORM wraps that error in a QueryFailedError that keeps it as
 * `driverError` (and copies its fields), so both shapes are read here.
 */
interface ServerError {
  code?: unknown;
  sqlMessage?: unknown;
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
