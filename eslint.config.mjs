// @ts-check
import { readdirSync } from 'node:fs';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

// A lib's only door is its index: another lib or an app imports `@lifelong/<lib>`,
// never a file inside it, by alias or by relative path.
const libs = readdirSync(new URL('./libs', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const throughTheDoor = {
  group: ['@lifelong/*/**'],
  message: 'Import a lib only through its index: @lifelong/<lib>.',
};

// Dependencies point one way. Each lib names the libs it builds on; it may import those and
// what they build on, and nothing else, so an import the other way is a lint error. A lib's own
// test/ folder composes modules as the apps do and may import any lib. A new lib takes its
// place here before it lints.
const LIB_DEPENDENCIES = {
  common: [],
  database: ['common'],
  // Where an entry belongs is a port (AuditPlaces) that organizations, above it, binds.
  audit: ['common'],
  identity: ['database', 'audit'],
  // The xAPI store: client secrets hashed by identity, issuing audited.
  'learning-records': ['identity'],
  // Receives its work as jobs; reads recipients and account links from identity.
  notifications: ['identity'],
  organizations: ['identity'],
  administration: ['organizations'],
  courses: ['organizations'],
  enrollment: ['courses'],
  'distance-lessons': ['enrollment'],
  'television-lessons': ['distance-lessons'],
  certificates: ['distance-lessons'],
  training: ['enrollment'],
  // Reads other domains only through the read models (views) they publish; keeps inspection
  // evidence in distance-lessons' media storage, behind its signed links.
  monitoring: ['distance-lessons'],
  // cmi5 course packages: lessons and their completion, media storage, the xAPI store.
  cmi5: ['distance-lessons', 'learning-records'],
};

/** Every lib `lib` may import: what it builds on, and what those build on; fails on a cycle. */
function reachableFrom(lib, path = []) {
  if (path.includes(lib)) throw new Error(`Lib dependency cycle: ${[...path, lib].join(' → ')}`);
  const direct = LIB_DEPENDENCIES[lib];
  if (!direct) throw new Error(`libs/${lib} is missing from LIB_DEPENDENCIES in eslint.config.mjs`);
  return new Set(direct.flatMap((dep) => [dep, ...reachableFrom(dep, [...path, lib])]));
}

for (const lib of Object.keys(LIB_DEPENDENCIES))
  if (!libs.includes(lib)) throw new Error(`LIB_DEPENDENCIES names ${lib}, which is not in libs/`);
const upwardImportRules = libs.map((lib) => {
  const allowed = reachableFrom(lib);
  const forbidden = libs.filter((other) => other !== lib && !allowed.has(other));
  const buildsOn = [...allowed].sort().join(', ') || 'nothing';
  return {
    files: [`libs/${lib}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [throughTheDoor],
          paths: forbidden.map((other) => ({
            name: `@lifelong/${other}`,
            message:
              `Dependencies point one way: ${lib} builds on ${buildsOn} (LIB_DEPENDENCIES in ` +
              `eslint.config.mjs). Declare a port here and bind it above, or send a job.`,
          })),
        },
      ],
    },
  };
});
const crossLibZones = [
  ...libs.map((lib) => ({
    target: `./libs/${lib}`,
    from: './libs',
    except: [`./${lib}`],
    message: 'Import another lib through its alias (@lifelong/<lib>), not by relative path.',
  })),
  {
    target: ['./apps', './test', './bench'],
    from: './libs',
    message: 'Import a lib through its alias (@lifelong/<lib>), not by relative path.',
  },
];

export default tseslint.config(
  {
    // What builds and the running platform write (bundles, HLS segments named *.ts under
    // var/media, mail, reports) is never source.
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.reports/**',
      'var/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // Nest resolves constructor parameters from emitted metadata: keep value imports there.
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-imports': ['error', { patterns: [throughTheDoor] }],
      'import-x/no-restricted-paths': ['error', { zones: crossLibZones }],
    },
  },
  ...upwardImportRules,
  {
    // Who may do what is written once per lib, in its policies.ts: a controller spreads the
    // constant its service checks, and neither writes the roles out.
    files: ['libs/*/src/**/*.ts'],
    ignores: ['libs/*/src/policies.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Decorator CallExpression[callee.name='RequireRoles'] > Literal",
          message: "Spread a role constant from the lib's policies.ts: @RequireRoles(...X).",
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(covers|assertCovers|reach)$/] > ArrayExpression',
          message: "Check a role constant from the lib's policies.ts, the one its route requires.",
        },
      ],
    },
  },
  {
    // The web app: React in the browser, type-checked with its own tsconfig (found by the
    // project service: apps/web/tsconfig.json is the nearest one to apps/web/src).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Toasts load with the first one shown (src/components/toasts.tsx): a page that called
    // Mantine's notifications directly would show nothing.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/components/toasts.tsx', 'apps/web/src/components/ToastContainer.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mantine/notifications',
              message: 'Show toasts with showToast from src/components/toasts.tsx.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
