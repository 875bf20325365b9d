import { testEnvironment } from './test-env';

// The app's settings come from testConfig alone; this only has libraries that look at
// process.env themselves (NODE_ENV) see a test process.
Object.assign(process.env, testEnvironment());
