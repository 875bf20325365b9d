import { QueryFailedError } from 'typeorm';
import {
  databaseErrorCode,
  isDatabaseUnreachable,
  isDeadlock,
  isDuplicateKey,
  isMissingReference,
  retryOnDeadlock,
} from './database-errors';

/** An error as mysql2 throws it. */
function serverError(code: string, sqlMessage = ''): Error {
  return Object.assign(new Error(sqlMessage), { code, sqlMessage });
}

/** The same error as TypeORM rethrows it. */
function wrapped(error: Error): QueryFailedError {
  return new QueryFailedError('INSERT …', [], error);
}

const duplicate = serverError('ER_DUP_ENTRY', "Duplicate entry 'X' for key 'uq_courses_code'");
const deadlock = serverError('ER_LOCK_DEADLOCK', 'Deadlock found when trying to get lock');

describe('database errors', () => {
  it('reads the code from mysql2 errors and from TypeORM wrappers alike', () => {
    expect(databaseErrorCode(duplicate)).toBe('ER_DUP_ENTRY');
    expect(databaseErrorCode(wrapped(deadlock))).toBe('ER_LOCK_DEADLOCK');
    expect(databaseErrorCode(new Error('no code'))).toBeUndefined();
    expect(databaseErrorCode('text')).toBeUndefined();
  });

  it('tells a duplicate key, on any index or on the one named', () => {
    expect(isDuplicateKey(duplicate)).toBe(true);
    expect(isDuplicateKey(wrapped(duplicate), 'uq_courses_code')).toBe(true);
    expect(isDuplicateKey(wrapped(duplicate), 'uq_facilities_code')).toBe(false);
    expect(isDuplicateKey(deadlock)).toBe(false);
  });

  it('tells a deadlock and a missing reference', () => {
    expect(isDeadlock(wrapped(deadlock))).toBe(true);
    expect(isDeadlock(duplicate)).toBe(false);
    expect(isMissingReference(serverError('ER_NO_REFERENCED_ROW_2'))).toBe(true);
    expect(isMissingReference(duplicate)).toBe(false);
  });
});

describe('isDatabaseUnreachable', () => {
  it('tells a connection that broke or could not be made from a refused statement', () => {
    // mysql2 marks errors that end the connection `fatal`: a reset under a query, a closed pool.
    const lost = Object.assign(serverError('PROTOCOL_CONNECTION_LOST'), { fatal: true });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
    });
    const closed = Object.assign(
      new Error("Can't add new command when connection is in closed state"),
      {
        fatal: true,
      },
    );
    expect(isDatabaseUnreachable(wrapped(lost))).toBe(true);
    expect(isDatabaseUnreachable(refused)).toBe(true);
    expect(isDatabaseUnreachable(closed)).toBe(true);
    expect(isDatabaseUnreachable(wrapped(duplicate))).toBe(false);
    expect(isDatabaseUnreachable(deadlock)).toBe(false);
    expect(isDatabaseUnreachable(new Error('no code'))).toBe(false);
  });
});

describe('retryOnDeadlock', () => {
  /** Work that fails with `failures` in turn, then answers 'done'. */
  function failing(...failures: Error[]): { work: () => Promise<string>; runs: () => number } {
    let runs = 0;
    return {
      work: () => {
        const failure = failures[runs];
        runs += 1;
        return failure ? Promise.reject(failure) : Promise.resolve('done');
      },
      runs: () => runs,
    };
  }

  it('runs a deadlock victim again', async () => {
    const { work, runs } = failing(wrapped(deadlock), deadlock);
    await expect(retryOnDeadlock(work)).resolves.toBe('done');
    expect(runs()).toBe(3);
  });

  it('gives up after the attempts allowed, with the last failure', async () => {
    const { work, runs } = failing(deadlock, deadlock);
    await expect(retryOnDeadlock(work, { attempts: 2 })).rejects.toBe(deadlock);
    expect(runs()).toBe(2);
  });

  it('throws any other failure at once, unless told it passes', async () => {
    const once = failing(duplicate);
    await expect(retryOnDeadlock(once.work)).rejects.toBe(duplicate);
    expect(once.runs()).toBe(1);
    const told = failing(duplicate);
    await expect(retryOnDeadlock(told.work, { orWhen: (e) => isDuplicateKey(e) })).resolves.toBe(
      'done',
    );
    expect(told.runs()).toBe(2);
  });
});
