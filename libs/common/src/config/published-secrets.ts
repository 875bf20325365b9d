import type { EnvironmentVariables } from './app-config';

/**
 * Every secret value the repository publishes or has published: examples in `.env.example`,
 * the defaults `docker/compose.yml` had before it required its secrets, and the values tests
 * run with. Anyone can read them, so production refuses each of them for every secret setting.
 * `published-secrets.spec.ts` reads those files and fails when one of their secret-looking
 * values is not refused, so this list cannot silently fall behind. The committed development
 * certificate key is refused in certificate-keys.ts (compared as a key, not as text).
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  // .env.example
  'change-me-local-development-secret-0123456789',
  'Admin@Lifelong2026',
  // docker/compose.yml, before its secrets became required
  'change-me-compose-secret-0123456789abcdef',
  'lifelong',
  'MC4CAQAwBQYDK2VwBCIEIJw3rxapUS9AzfVklopo9nMOp8ulKs9Co3BHWiIo6t+z',
  // test/setup/test-env.ts and unit tests
  'test-secret-test-secret-test-secret-0123456789',
  'admin-password-123',
  'a-secret-of-at-least-thirty-two-characters',
  'A-long-password-2026',
];

const PUBLISHED = new Set(PUBLISHED_SECRETS);

/** True when `value` is one of {@link PUBLISHED_SECRETS}. */
export const isPublishedSecret = (value: string): boolean => PUBLISHED.has(value.trim());

/** A JWT_SECRET must carry at least 32 bytes of entropy (HS256's key size). */
export const JWT_SECRET_MIN_ENTROPY_BITS = 256;

/**
 * An estimate of the entropy of a secret, in bits: its length times the Shannon entropy of its
 * own characters (−Σ p·log2 p over how often each character occurs in it). A repeated or
 * low-variety string scores low whatever its length (`x` × 64: 0 bits; `abcd` × 20: 160 bits);
 * `openssl rand -base64 48` (64 characters) scores about 340. It never overestimates a random
 * string by much, and underestimates a short one: 32 random bytes as 64 hex digits score about
 * 245, so hex secrets need 48 bytes (`openssl rand -hex 48`).
 */
export function estimatedEntropyBits(secret: string): number {
  const characters = [...secret];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    perCharacter -= p * Math.log2(p);
  }
  return Math.floor(perCharacter * characters.length);
}

const MAKE_ONE = 'make your own: openssl rand -base64 48';
const published = (advice: string): string =>
  `is published in the Lifelong repository (an example, default or test value); ${advice}`;

/**
 * Production only: the secret settings that hold a published value, and a JWT_SECRET with
 * less than {@link JWT_SECRET_MIN_ENTROPY_BITS} bits by {@link estimatedEntropyBits}.
 */
export function productionSecretProblems(env: EnvironmentVariables): Record<string, string[]> {
  if (env.NODE_ENV !== 'production') return {};
  const problems: Record<string, string[]> = {};
  const add = (key: string, message: string): void => {
    (problems[key] ??= []).push(message);
  };
  if (isPublishedSecret(env.JWT_SECRET)) add('JWT_SECRET', published(MAKE_ONE));
  else {
    const bits = estimatedEntropyBits(env.JWT_SECRET);
    if (bits < JWT_SECRET_MIN_ENTROPY_BITS)
      add(
        'JWT_SECRET',
        `has about ${bits} bits of entropy; use at least ${JWT_SECRET_MIN_ENTROPY_BITS} (32 random bytes): ${MAKE_ONE}`,
      );
  }
  if (env.UNSUBSCRIBE_SECRET && isPublishedSecret(env.UNSUBSCRIBE_SECRET))
    add('UNSUBSCRIBE_SECRET', published(`${MAKE_ONE}, or leave it empty`));
  if (isPublishedSecret(env.ADMIN_PASSWORD))
    add('ADMIN_PASSWORD', published('choose a password of your own'));
  if (env.MEDIA_S3_SECRET_ACCESS_KEY && isPublishedSecret(env.MEDIA_S3_SECRET_ACCESS_KEY))
    add('MEDIA_S3_SECRET_ACCESS_KEY', published('use the key your storage issued'));
  if (isPublishedSecret(databasePassword(env.DATABASE_URL)))
    add('DATABASE_URL', published('give the database user a password of your own'));
  return problems;
}

function databasePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
