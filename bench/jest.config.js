// Benchmarks run on the integration harness (swc, one migrated database per worker, fresh
// tables per file) but only when asked: `npm run bench -- <name>` runs bench/<name>.bench.ts.
// The normal test run never matches *.bench.ts.
const { projects } = require('../jest.config.js');

// A bench gets databases and queues of its own (`<TEST_DB_PREFIX>_bench_<worker>`), so it can run
// beside a test run of the same checkout, and the test run's teardown never drops them mid-bench.
const prefix = process.env.TEST_DB_PREFIX ?? 'lifelong_test';
if (!prefix.endsWith('_bench')) process.env.TEST_DB_PREFIX = `${prefix}_bench`;

const integration = projects.find((project) => project.displayName === 'integration');

module.exports = {
  ...integration,
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 600_000,
};
