import type { AppConfig } from '@lifelong/common';
import type { INestApplicationContext } from '@nestjs/common';
import { createWorker } from '../../apps/worker/src/create-worker';
import { closedAtEnd } from './closed-at-end';

/** The worker exactly as `npm start` builds it, closed at the end of the test file whatever happens. */
export function createTestWorker(config: AppConfig): Promise<INestApplicationContext> {
  return closedAtEnd(createWorker(config));
}
