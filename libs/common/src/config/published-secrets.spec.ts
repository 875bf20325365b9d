import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { testEnvironment } from '../../../../test/setup/test-env';
import { ConfigError, validateEnvironment } from './app-config';
import { buildConfig } from './config';

const ROOT = join(__dirname, '../../../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Settings whose values are secrets (keys, passwords); ids and sizes are not. */
const SECRET_KEY = /SECRET|PASSWORD|SIGNING_KEY/;

/** A production environment with freshly made secrets: valid as it is. */
function productionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const signingKey = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'der', type: 'pkcs8' })
    .toString('base64');
  return {
    NODE_ENV: 'production',
    DATABASE_URL: `mysql://lifelong:${randomBytes(24).toString('base64url')}@db:3306/lifelong`,
    JWT_SECRET: randomBytes(48).toString('base64'),
    ADMIN_PASSWORD: randomBytes(18).toString('base64'),
    CERTIFICATE_SIGNING_KEY: signingKey,
    CERTIFICATE_KEY_ID: 'prod-2026',
    ...overrides,
  };
}

function problems(env: Record<string, string>): Record<string, string[]> {
  try {
    buildConfig(validateEnvironment(env));
    return {};
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** `KEY: value` lines and `${KEY:-default}` defaults of the compose file. */
function composeValues(text: string): [string, string][] {
  const found: [string, string][] = [];
  for (const match of text.matchAll(/\$\{([A-Z0-9_]+):-([^}]*)\}/g))
    found.push([match[1]!, match[2]!]);
  for (const match of text.matchAll(/^\s+([A-Z0-9_]+):\s*'?([^'$\n]+?)'?\s*$/gm))
    found.push([match[1]!, match[2]!]);
  return found;
}

/** Where a value of the repository would be set in production (compose's MySQL password: in the URL). */
function asSetting(key: string, value: string): [string, string] {
  return key === 'MYSQL_ROOT_PASSWORD'
    ? ['DATABASE_URL', `mysql://root:${value}@mysql:3306/lifelong`]
    : [key, value];
}

describe('production refuses published secrets', () => {
  it('starts with secrets of its own', () => {
    expect(problems(productionEnv())).toEqual({});
  });

  const published: [string, string, string][] = [
    ...Object.entries(parseDotenv(read('.env.example'))).map(
      ([key, value]): [string, string, string] => ['.env.example', key, value],
    ),
    ...composeValues(read('docker/compose.yml')).map(([key, value]): [string, string, string] => [
      'docker/compose.yml',
      key,
      value,
    ]),
    ...Object.entries(testEnvironment()).map(([key, value]): [string, string, string] => [
      'test/setup/test-env.ts',
      key,
      value,
    ]),
  ].filter(([, key, value]) => SECRET_KEY.test(key) && value.trim() !== '');

  it('finds the secrets the repository publishes', () => {
    expect(published.map(([file, key]) => `${file} ${key}`)).toEqual(
      expect.arrayContaining([
        '.env.example JWT_SECRET',
        '.env.example ADMIN_PASSWORD',
        'test/setup/test-env.ts JWT_SECRET',
        'test/setup/test-env.ts ADMIN_PASSWORD',
      ]),
    );
  });

  it.each(published)('refuses %s %s, naming the key', (_file, key, value) => {
    const [setting, settingValue] = asSetting(key, value);
    const found = problems(productionEnv({ [setting]: settingValue }));
    expect(found[setting]).toEqual(
      expect.arrayContaining([expect.stringContaining('published in the Lifelong repository')]),
    );
  });

  it('refuses every secret the compose file or the code ever shipped as a default', () => {
    for (const [key, value] of [
      ['JWT_SECRET', 'change-me-compose-secret-0123456789abcdef'],
      ['UNSUBSCRIBE_SECRET', 'change-me-compose-secret-0123456789abcdef'],
      ['ADMIN_PASSWORD', 'Admin@Lifelong2026'],
      [
        'CERTIFICATE_SIGNING_KEY',
        'MC4CAQAwBQYDK2VwBCIEIJw3rxapUS9AzfVklopo9nMOp8ulKs9Co3BHWiIo6t+z',
      ],
      [
        'CERTIFICATE_SIGNING_KEY',
        'MC4CAQAwBQYDK2VwBCIEIIBdGxYxJSoB+vddftzlfq7OuaE3XMiBYytQ1gf9wkNc',
      ],
      ['DATABASE_URL', 'mysql://root:lifelong@mysql:3306/lifelong'],
    ] as const)
      expect(problems(productionEnv({ [key]: value }))[key]).toBeDefined();
  });

  it('refuses the compose key in PEM form too', () => {
    const der = Buffer.from(
      'MC4CAQAwBQYDK2VwBCIEIJw3rxapUS9AzfVklopo9nMOp8ulKs9Co3BHWiIo6t+z',
      'base64',
    );
    const pem = `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
    expect(
      problems(productionEnv({ CERTIFICATE_SIGNING_KEY: pem })).CERTIFICATE_SIGNING_KEY,
    ).toEqual([expect.stringContaining('published')]);
  });

  it('makes compose require every secret instead of defaulting it', () => {
    const defaulted = composeValues(read('docker/compose.yml')).filter(
      ([key, value]) => (SECRET_KEY.test(key) || key === 'CERTIFICATE_KEY_ID') && value.trim(),
    );
    expect(defaulted).toEqual([]);
    const compose = read('docker/compose.yml');
    for (const key of [
      'JWT_SECRET',
      'ADMIN_PASSWORD',
      'CERTIFICATE_SIGNING_KEY',
      'MYSQL_ROOT_PASSWORD',
    ])
      expect(compose).toContain(`\${${key}:?`);
  });

  it('only in production: development and tests keep their published defaults', () => {
    expect(problems({ ...testEnvironment() })).toEqual({});
  });
});

describe('production refuses a guessable JWT_SECRET', () => {
  it.each([
    ['32 copies of one character', 'x'.repeat(64)],
    ['a short word repeated', 'secret'.repeat(11)],
    ['a long but low-variety string', 'abcd'.repeat(20)],
    ['a short pattern repeated to 64 characters', 'ab12'.repeat(16)],
    ['32 characters of base64 (24 bytes)', randomBytes(24).toString('base64')],
  ])('refuses %s', (_what, secret) => {
    expect(problems(productionEnv({ JWT_SECRET: secret })).JWT_SECRET).toEqual([
      expect.stringMatching(/^has about \d+ bits of entropy; use at least 256/),
    ]);
  });

  it('accepts openssl rand -base64 48, and names each bad key on its own line', () => {
    expect(problems(productionEnv({ JWT_SECRET: randomBytes(48).toString('base64') }))).toEqual({});
    try {
      buildConfig(
        validateEnvironment(
          productionEnv({ JWT_SECRET: 'x'.repeat(64), ADMIN_PASSWORD: 'Admin@Lifelong2026' }),
        ),
      );
      throw new Error('accepted');
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines.filter((line) => line.startsWith('  JWT_SECRET: '))).toHaveLength(1);
      expect(lines.filter((line) => line.startsWith('  ADMIN_PASSWORD: '))).toHaveLength(1);
    }
  });
});
