// The scale test (`npm run scale-test`) runs on the integration harness, like the benches: swc,
// one migrated database dropped at the end, child processes reaped even after a failure. Only
// `*.scale.ts` here matches; the normal test run never does.
const { projects } = require('../../jest.config.js');

// A database and queue prefix of its own (`<TEST_DB_PREFIX>_scale_1`), so it can run beside a
// test run of the same checkout, whose teardown never drops them mid-run.
const prefix = process.env.TEST_DB_PREFIX ?? 'lifelong_test';
if (!prefix.endsWith('_scale')) process.env.TEST_DB_PREFIX = `${prefix}_scale`;

const integration = projects.find((project) => project.displayName === 'integration');

module.exports = {
  ...integration,
  displayName: 'scale',
  testMatch: ['<rootDir>/test/scale/**/*.scale.ts'],
  testTimeout: 300_000,
};
