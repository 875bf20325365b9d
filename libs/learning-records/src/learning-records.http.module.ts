import { Module } from '@nestjs/common';
import { LrsClientGuard } from './http/lrs-client.guard';
import { LrsClientsController } from './http/lrs-clients.controller';
import { XapiController } from './http/xapi.controller';
import { XapiDocumentsController } from './http/xapi-documents.controller';
import { LearningRecordsModule } from './learning-records.module';

/** The xAPI resources (statements, documents) and the LRS client administration (api process only). */
@Module({
  imports: [LearningRecordsModule],
  controllers: [XapiController, XapiDocumentsController, LrsClientsController],
  providers: [LrsClientGuard],
})
export class LearningRecordsHttpModule {}
