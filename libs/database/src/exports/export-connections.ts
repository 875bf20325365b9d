import { AppConfig, CommonError } from '@lifelong/common';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createPool, type Pool, type PoolConnection, type QueryValues } from 'mysql2';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Raised into an export stream whose client stopped reading for too long. */
export class ExportStalledError extends Error {
  constructor(seconds: number) {
    super(`The export was stopped: nothing was read from it for ${seconds} s`);
    this.name = 'ExportStalledError';
  }
}

/**
 * Where streamed exports (CSV) read their rows: a separate small pool (`EXPORT_POOL_SIZE`), so a
 * download holds one of these connections for as long as its client takes, never one of the
 * shared pool that every request needs. A stream whose client reads no row for
 * `EXPORT_STALL_SECONDS` is aborted and its connection dropped; a request that finds every
 * export connection taken waits as long, then gets 503 `EXPORTS_BUSY`. The pool opens on first
 * use, so processes that never export hold no extra connection.
 */
@Injectable()
export class ExportConnections implements OnModuleDestroy {
  private pool?: Pool;

  constructor(private readonly config: AppConfig) {}

  /** The rows of `sql` as an object stream, read through a connection of the export pool. */
  async stream(sql: string, params: readonly unknown[]): Promise<Readable> {
    const connection = await this.acquire();
    const stallMs = this.config.database.exportStallSeconds * 1_000;
    let lastRow = Date.now();
    const rows = connection.query(sql, params as QueryValues).stream({ objectMode: true });
    const output = new Transform({
      objectMode: true,
      transform(row: unknown, _encoding, done) {
        lastRow = Date.now();
        done(null, row);
      },
    });
    // A stalled client stops the pipe, so no row passes here: that silence is what is timed.
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastRow > stallMs)
          output.destroy(new ExportStalledError(this.config.database.exportStallSeconds));
      },
      Math.min(1_000, stallMs / 4),
    ).unref();
    pipeline(rows, output).then(
      // Every row was handed on: the connection goes back even if the client has not read yet.
      () => connection.release(),
      // Aborted mid-result: the connection still has unread rows, so it is closed, not reused.
      () => connection.destroy(),
    );
    output.once('close', () => clearInterval(watchdog));
    return output;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (pool) await new Promise<void>((resolve) => pool.end(() => resolve()));
  }

  /** A free export connection, waiting at most the stall limit for one. */
  private acquire(): Promise<PoolConnection> {
    const waitMs = this.config.database.exportStallSeconds * 1_000;
    return new Promise((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(
          new CommonError(
            'EXPORTS_BUSY',
            'Every export connection is in use; try the download again in a moment',
            'unavailable',
            { retryAfterSeconds: this.config.database.exportStallSeconds },
          ),
        );
      }, waitMs);
      this.connections().getConnection((error, connection) => {
        if (gaveUp) return connection?.release();
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(connection);
      });
    });
  }

  private connections(): Pool {
    const db = this.config.database;
    this.pool ??= createPool({
      host: db.host,
      port: db.port,
      user: db.user,
      password: db.password,
      database: db.name,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      connectionLimit: db.exportPoolSize,
      waitForConnections: true,
    });
    return this.pool;
  }
}
