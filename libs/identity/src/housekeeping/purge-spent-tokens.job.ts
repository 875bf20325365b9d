import { JobHandler } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { type SpentTokenPurge, SpentTokenPurgeService } from './spent-token-purge.service';

/** The recurring `identity.purge-spent-tokens` job (a BullMQ job scheduler, hourly). */
@Injectable()
export class PurgeSpentTokensJob {
  constructor(private readonly purge: SpentTokenPurgeService) {}

  @JobHandler('identity.purge-spent-tokens')
  run(): Promise<SpentTokenPurge> {
    return this.purge.purge();
  }
}
