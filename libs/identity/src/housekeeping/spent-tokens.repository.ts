import { deleteInBatches } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Deletes sign-in records and one-time links that stopped working before a cutoff, in batches:
 * one indexed pass per column, a row going when any of its moments is before the cutoff.
 * Each returns how many rows went.
 */
@Injectable()
export class SpentTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sessions that expired or were ended before `cutoff`. */
  deleteSessionsBefore(cutoff: Date): Promise<number> {
    return this.remove('sessions', ['expires_at', 'ended_at'], cutoff);
  }

  /** Refresh tokens that expired or were revoked before `cutoff`. */
  deleteRefreshTokensBefore(cutoff: Date): Promise<number> {
    return this.remove('refresh_tokens', ['expires_at', 'revoked_at'], cutoff);
  }

  /** Invitation and reset links that expired, were used or were revoked before `cutoff`. */
  deleteAccountTokensBefore(cutoff: Date): Promise<number> {
    return this.remove('account_tokens', ['expires_at', 'used_at', 'revoked_at'], cutoff);
  }

  private async remove(table: string, columns: string[], cutoff: Date): Promise<number> {
    let removed = 0;
    for (const column of columns)
      removed += await deleteInBatches(this.dataSource, { table, column, cutoff });
    return removed;
  }
}
