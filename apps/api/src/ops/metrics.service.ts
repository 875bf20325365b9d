import { JobQueue, QUEUE_NAMES, withTimeout } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// Bulk notification emails wait as `prioritized` (behind account emails), not `waiting`.
const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
const QUEUE_COUNT_TIMEOUT_MS = 1_000;

/**
 * This process's Prometheus metrics: default process metrics, HTTP request durations by route,
 * and queue depths. A registry per application, so several apps in one process (tests) coexist.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'route' | 'method' | 'status'>;

  constructor(jobs: JobQueue) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    new Gauge({
      name: 'lifelong_queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          QUEUE_NAMES.map(async (queue) => {
            const counts = await withTimeout(
              jobs.queue(queue).getJobCounts(...QUEUE_STATES),
              QUEUE_COUNT_TIMEOUT_MS,
              'Redis did not answer',
            ).catch(() => undefined); // Redis away: /metrics still answers, without depths.
            for (const state of QUEUE_STATES) {
              if (counts) this.set({ queue, state }, counts[state] ?? 0);
            }
          }),
        );
      },
    });
  }

  /** `route` is the route pattern (`/api/v1/courses/:id`), never the raw URL. */
  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.httpDuration.observe({ route, method, status: String(status) }, seconds);
  }
}
