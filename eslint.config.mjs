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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lifelong/*/**'],
              message: 'Import a lib only through its index: @lifelong/<lib>.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: crossLibZones }],
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
