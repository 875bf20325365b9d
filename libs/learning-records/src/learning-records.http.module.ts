import { Module } from '@nestjs/common';
import { LrsClientGuard } from './http/lrs-client.guard';
import { LrsClientsController } from './http/lrs-clients.controller';
import { LrsForwardsController } from './http/lrs-forwards.controller';
import { MyStatementsController } from './http/my-statements.controller';
import { XapiController } from './http/xapi.controller';
import { XapiDocumentsController } from './http/xapi-documents.controller';
import { LearningRecordsModule } from './learning-records.module';

/**
 * The xAPI resources (statements, documents), the LRS client administration and a learner's own
 * statements (api process only).
 */
@Module({
  imports: [LearningRecordsModule],
  controllers: [
    XapiController,
    XapiDocumentsController,
    LrsClientsController,
    LrsForwardsController,
    MyStatementsController,
  ],
  providers: [LrsClientGuard],
})
export class LearningRecordsHttpModule {}
