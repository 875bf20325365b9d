import { AppConfig, Clock } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { SpentTokensRepository } from './spent-tokens.repository';

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
    private readonly spent: SpentTokensRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async purge(): Promise<SpentTokenPurge> {
    const { sessionRetentionDays, accountTokenRetentionDays } = this.config.housekeeping;
    const sessionsBefore = this.daysAgo(sessionRetentionDays);
    const linksBefore = this.daysAgo(accountTokenRetentionDays);
    const outcome: SpentTokenPurge = {
      sessions: await this.spent.deleteSessionsBefore(sessionsBefore),
      refreshTokens: await this.spent.deleteRefreshTokensBefore(sessionsBefore),
      accountTokens: await this.spent.deleteAccountTokensBefore(linksBefore),
    };
    if (outcome.sessions + outcome.refreshTokens + outcome.accountTokens > 0)
      this.logger.log(
        `Purged ${outcome.sessions} session(s), ${outcome.refreshTokens} refresh token(s) and ` +
          `${outcome.accountTokens} account link(s)`,
      );
    return outcome;
  }

  private daysAgo(days: number): Date {
    return new Date(this.clock.now().getTime() - days * DAY_MS);
  }
}
