import { Module } from '@nestjs/common';
import { PurgeSpentTokensJob } from './housekeeping/purge-spent-tokens.job';
import { SpentTokenPurgeService } from './housekeeping/spent-token-purge.service';
import { SpentTokensRepository } from './housekeeping/spent-tokens.repository';
import { IdentityModule } from './identity.module';

/** Identity's jobs (worker only): the recurring `identity.purge-spent-tokens`. */
@Module({
  imports: [IdentityModule],
  providers: [SpentTokenPurgeService, SpentTokensRepository, PurgeSpentTokensJob],
})
export class IdentityWorkerModule {}
