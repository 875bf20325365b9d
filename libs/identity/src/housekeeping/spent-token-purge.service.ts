import { AppConfig, Clock } from '@lifelong/common';
import { deleteInBatches } from '@lifelong/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What one purge removed, by kind (counts only: the rows hold token hashes). */
export interface SpentTokenPurge {
  sessions: number;
  refreshTokens: number;
  accountTokens: number;
}

const DAY_MS = 86_400_000;

/**
 * `identity.purge-spent-tokens`: removes sign-in records and one-time links that stopped
 * working long ago. A session or refresh token goes SESSION_RETENTION_DAYS after it expired or
 * was ended; an invitation or reset link ACCOUNT_TOKEN_RETENTION_DAYS after it expired, was
 * used or was revoked. Spent refresh tokens of a live session stay until they expire (plus the
 * retention): presenting one of them still ends the session as a replay.
 */
@Injectable()
export class SpentTokenPurgeService {
  private readonly logger = new Logger('SpentTokenPurge');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async purge(): Promise<SpentTokenPurge> {
    const { sessionRetentionDays, accountTokenRetentionDays } = this.config.housekeeping;
    const sessionsBefore = this.daysAgo(sessionRetentionDays);
    const linksBefore = this.daysAgo(accountTokenRetentionDays);
    const outcome: SpentTokenPurge = {
      sessions: await this.remove('sessions', ['expires_at', 'ended_at'], sessionsBefore),
      refreshTokens: await this.remove(
        'refresh_tokens',
        ['expires_at', 'revoked_at'],
        sessionsBefore,
      ),
      accountTokens: await this.remove(
        'account_tokens',
        ['expires_at', 'used_at', 'revoked_at'],
        linksBefore,
      ),
    };
    if (outcome.sessions + outcome.refreshTokens + outcome.accountTokens > 0)
      this.logger.log(
        `Purged ${outcome.sessions} session(s), ${outcome.refreshTokens} refresh token(s) and ` +
          `${outcome.accountTokens} account link(s)`,
      );
    return outcome;
  }

  /** One indexed pass per column: a row goes when any of its moments is before `cutoff`. */
  private async remove(table: string, columns: string[], cutoff: Date): Promise<number> {
    let removed = 0;
    for (const column of columns)
      removed += await deleteInBatches(this.dataSource, { table, column, cutoff });
    return removed;
  }

  private daysAgo(days: number): Date {
    return new Date(this.clock.now().getTime() - days * DAY_MS);
  }
}
