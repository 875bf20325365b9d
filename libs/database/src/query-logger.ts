import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_SQL = 300;

/**
 * TypeORM's own logger prints failed queries with their parameters, and MySQL's messages quote
 * the offending values: both carry emails, names and hashes. This one keeps the statement shape
 * and the error code only. A failure that matters still surfaces as an exception where it is
 * handled; expected ones (a duplicate key answered 409) stay at debug.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    this.logger.debug({ code, query: query.slice(0, MAX_SQL) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, MAX_SQL) }, 'slow query');
  }

  // Schema and migration chatter: `npm run migrate` prints its own summary.
  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
