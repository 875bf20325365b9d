// Benchmarks run on the integration harness (swc, one migrated database per worker, fresh
// tables per file) but only when asked: `npm run bench -- <name>` runs bench/<name>.bench.ts.
// The normal test run never matches *.bench.ts.
const { projects } = require('../jest.config.js');

const integration = projects.find((project) => project.displayName === 'integration');

module.exports = {
  ...integration,
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 600_000,
};
