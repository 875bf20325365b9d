import 'reflect-metadata';
import { exitWithStartupFailure, loadConfig } from '@lifelong/common';
import { createWorker } from '../../../apps/worker/src/create-worker';

// The real worker in a process of its own, so a test can kill it the way a machine dies.
createWorker(loadConfig())
  .then(() => process.stdout.write('worker ready\n'))
  .catch(exitWithStartupFailure);
