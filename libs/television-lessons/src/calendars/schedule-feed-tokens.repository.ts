import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ScheduleFeedToken } from './schedule-feed-token.entity';

/** A token as stored, hashed. */
export type NewFeedToken = Pick<ScheduleFeedToken, 'userId' | 'salt' | 'tokenHash'>;

/** Queries on learners' calendar feed tokens, one row per learner. */
@Injectable()
export class ScheduleFeedTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByUser(userId: string): Promise<ScheduleFeedToken | null> {
    return this.dataSource.getRepository(ScheduleFeedToken).findOneBy({ userId });
  }

  findByUserOrFail(userId: string): Promise<ScheduleFeedToken> {
    return this.dataSource.getRepository(ScheduleFeedToken).findOneByOrFail({ userId });
  }

  findByHash(tokenHash: string): Promise<ScheduleFeedToken | null> {
    return this.dataSource.getRepository(ScheduleFeedToken).findOneBy({ tokenHash });
  }

  /** Stores the learner's first token; one stored meanwhile (a racing first call) stays. */
  async insertIfAbsent(token: NewFeedToken): Promise<void> {
    await this.dataSource
      .getRepository(ScheduleFeedToken)
      .createQueryBuilder()
      .insert()
      .values(token)
      .orIgnore()
      .execute();
  }

  /** Replaces the learner's token. */
  async save(token: NewFeedToken): Promise<void> {
    await this.dataSource.getRepository(ScheduleFeedToken).upsert(token, ['userId']);
  }
}
