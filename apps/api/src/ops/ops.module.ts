import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics.service';
import { Readiness } from './readiness.service';

/** Liveness, readiness and Prometheus metrics (all public, api.md "Operations"). */
@Module({
  controllers: [HealthController, MetricsController],
  providers: [Metrics, Readiness],
  exports: [Metrics],
})
export class OpsModule {}
