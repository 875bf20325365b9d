import { Module } from '@nestjs/common';
import { Cmi5Module } from './cmi5.module';
import { Cmi5ContentController } from './http/cmi5-content.controller';
import { Cmi5FetchController } from './http/cmi5-fetch.controller';
import { Cmi5LessonsController } from './http/cmi5-lessons.controller';

/** Package upload, launch, the fetch URL and the content files (api only). */
@Module({
  imports: [Cmi5Module],
  controllers: [Cmi5LessonsController, Cmi5FetchController, Cmi5ContentController],
})
export class Cmi5HttpModule {}
