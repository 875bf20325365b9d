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
const shared = {
  // @fastify/static 10 (Swagger UI, Bull Board) requires content-disposition 3, which is ESM only:
  // Node 20 loads it with require(esm), jest's module runtime cannot, so tests compile it to CJS.
  transform: { '^.+\\.ts$': swc, '/node_modules/content-disposition/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@lifelong/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  rootDir: __dirname,
};
const withServices = {
  ...shared,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup/worker-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/fresh-state.ts'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...withServices,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/test/**/*.int-spec.ts'],
    },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
