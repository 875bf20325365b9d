import { Module } from '@nestjs/common';
import { LrsClientGuard } from './http/lrs-client.guard';
import { LrsClientsController } from './http/lrs-clients.controller';
import { XapiController } from './http/xapi.controller';
import { LearningRecordsModule } from './learning-records.module';

/** The xAPI resources and the LRS client administration (api process only). */
@Module({
  imports: [LearningRecordsModule],
  controllers: [XapiController, LrsClientsController],
  providers: [LrsClientGuard],
})
export class LearningRecordsHttpModule {}
