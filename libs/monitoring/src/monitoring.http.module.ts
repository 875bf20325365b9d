import { Module } from '@nestjs/common';
import { MonitoringController } from './http/monitoring.controller';
import { MonitoringModule } from './monitoring.module';

/** The monitoring routes (api process only). */
@Module({
  imports: [MonitoringModule],
  controllers: [MonitoringController],
})
export class MonitoringHttpModule {}
