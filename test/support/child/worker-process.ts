import 'reflect-metadata';
import { exitWithStartupFailure } from '@lifelong/common';
import { createWorker } from '../../../apps/worker/src/create-worker';
import { childTestConfig } from '../../setup/test-env';

// The real worker in a process of its own, so a test can kill it the way a machine dies.
createWorker(childTestConfig())
  .then(() => process.stdout.write('worker ready\n'))
  .catch(exitWithStartupFailure);
