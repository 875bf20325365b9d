// Three levels (architecture.md): unit beside the code, integration against real MariaDB/Redis,
// end-to-end over HTTP against the real api and worker.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      // Resolved at compile time so global setup, which runs outside jest's resolver, sees them too.
      baseUrl: __dirname,
      paths: { '@lifelong/*': ['libs/*/src'] },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const ESM_ONLY =
  '(content-disposition|htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities|jose|openid-client|oauth4webapi|@remix-run/multipart-parser|@remix-run/headers)';
const RUNTIME_OUTPUT = [
  '<rootDir>/dist/',
  '<rootDir>/var/',
  '<rootDir>/.reports/',
  '<rootDir>/coverage/',
];
const shared = {
  // @fastify/static 10 (Swagger UI, Bull Board) requires content-disposition 3, and sanitize-html
  // requires htmlparser2 12 and its helpers, which are ESM only: Node 20 loads them with
  // require(esm), jest's module runtime cannot, so tests compile them to CJS. jose (tests only:
  // the independent check of certificate credentials) is ESM only too, and so are openid-client
  // and its oauth4webapi (single sign-on), and the multipart parser of xAPI statements with
  // attachments.
  transform: { '^.+\\.ts$': swc, [`/node_modules/${ESM_ONLY}/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@lifelong/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  rootDir: __dirname,
  // Builds and what the running platform writes (var/media holds HLS segments named *.ts) are
  // neither tests nor modules: jest does not even look inside.
  modulePathIgnorePatterns: RUNTIME_OUTPUT,
  testPathIgnorePatterns: ['/node_modules/', ...RUNTIME_OUTPUT],
};
const withServices = {
  ...shared,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  // Drops the run's databases and ends child processes a failed test left running.
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/worker-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/fresh-state.ts'],
  // Real servers on a 2-core machine: a slow moment must not read as a failure. Starting a
  // whole api or worker in a hook has been seen to take over 30 s there now and then.
  testTimeout: 60_000,
};

module.exports = {
  // Jest reads the timeout from the top level only; unit tests never come near it.
  testTimeout: withServices.testTimeout,
  // Jest's default on two cores is one worker. Integration and e2e files spend most of their time
  // waiting on MariaDB, Redis, ffmpeg and child processes, so two keep both cores busy: the
  // whole suite took 8 minutes with two workers, against about 20 with one. Each worker has its
  // own database, queue prefix and mail folder (test/setup/test-env.ts).
  maxWorkers: 2,
  // A worker's live heap grows by about 45 MB with each e2e file it runs, so one that has run
  // nine holds nearly a gigabyte, and a process that size takes 300-500 ms to be gone after its
  // exit event on a busy two-core machine: jest's default 500 ms then kills it and reports a
  // leak, though nothing is left open by then (no handle, timer or listener). A worker that did
  // hold something open is still killed, and reported, after these 5 s.
  workerGracefulExitTimeout: 5_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // test/tooling: checks of the repository's own tools (lint, format, type-check, jest).
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/tooling/**/*.spec.ts'],
      // The web app's browser journeys run in Playwright (npm run test:web), not here.
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/apps/web/e2e/'],
    },
    {
      ...withServices,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/test/**/*.int-spec.ts'],
    },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
