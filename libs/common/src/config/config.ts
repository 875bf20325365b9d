import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import {
  ConfigError,
  validateEnvironment,
  type EnvironmentVariables,
  type LogLevel,
} from './app-config';
import { certificateKeys, type CertificateKeysConfig } from './certificate-keys';
import { oidcProviders, type OidcProviderSettings } from './oidc-providers';
import { productionSecretProblems } from './published-secrets';

export const QUEUE_NAMES = ['media-transcode', 'documents', 'notifications', 'default'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The validated settings, grouped by concern. Inject `AppConfig`; never read process.env. */
export abstract class AppConfig {
  abstract readonly env: 'development' | 'production' | 'test';
  abstract readonly http: {
    port: number;
    host: string;
    publicUrl: string;
    bodyLimitBytes: number;
    importMaxBytes: number;
    /** The body limit of an xAPI statement request that carries attachments (multipart/mixed). */
    xapiAttachmentsMaxBytes: number;
    swaggerEnabled: boolean;
    trustProxy: boolean | number | string[];
    /** Absolute path of the built web app served at `/` (may not exist: not built yet). */
    webDir: string;
  };
  abstract readonly database: {
    url: string;
    host: string;
    port: number;
    user: string;
    password: string;
    name: string;
    poolSize: number;
    /** The separate, small pool of streamed exports, so slow downloads never drain `poolSize`. */
    exportPoolSize: number;
    /** Seconds without a row read before an export stream is aborted and its connection freed. */
    exportStallSeconds: number;
  };
  abstract readonly redis: { url: string; host: string; port: number };
  abstract readonly queues: {
    prefix: string;
    enabled: readonly QueueName[];
    outboxRelayIntervalMs: number;
    /** Jobs a worker process runs at once on each queue. */
    concurrency: Readonly<Record<QueueName, number>>;
    /** Jobs started per second on a queue, across every worker (BullMQ's limiter); none if absent. */
    ratePerSecond: Readonly<Partial<Record<QueueName, number>>>;
    /**
     * A job's lock (renewed while it runs) and how often workers look for lapsed ones: a dead
     * worker's job goes to another worker between `lockDurationMs` and that plus two intervals.
     */
    lockDurationMs: number;
    stalledIntervalMs: number;
  };
  abstract readonly auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** Failed sign-ins per window: per address, per (account, address), per account. */
    login: {
      maxPerIp: number;
      maxPerAccountAndIp: number;
      maxPerAccount: number;
      windowSeconds: number;
    };
    /** Registrations per window from one client address. */
    registration: { maxPerIp: number; windowSeconds: number };
    /** Password-reset requests per window: per client address and per email. */
    passwordReset: { maxPerIp: number; maxPerEmail: number; windowSeconds: number };
    /** OpenID Connect providers people may sign in with; empty: no single sign-on. */
    oidcProviders: readonly OidcProviderSettings[];
  };
  abstract readonly admin: { email: string; password: string };
  abstract readonly log: { level: LogLevel };
  /** Video progress credit: elapsed time × `maxPlaybackRate` + `slackSeconds` per report. */
  abstract readonly progress: { maxPlaybackRate: number; slackSeconds: number };
  /** Outgoing email: the SMTP relay (null: .eml files under `dir`) and the sender. */
  abstract readonly mail: { smtpUrl: string | null; from: string; dir: string };
  /** Daily digests' local hour; the unsubscribe signing key (null: derived from JWT_SECRET). */
  abstract readonly notifications: { digestHourLocal: number; unsubscribeSecret: string | null };
  /** Mandated training: days an assignment stays overdue before the unit above hears of it. */
  abstract readonly training: { escalationDays: number };
  /** Video storage, upload limit, transcoding tools and playback links. */
  abstract readonly media: MediaConfig;
  /**
   * Television lessons: the display time zone, the attendance grace period, the reminder lead
   * time, and the wrong-code limit per learner.
   */
  abstract readonly television: {
    timeZone: string;
    attendanceGraceMinutes: number;
    reminderLeadMinutes: number;
    codeGuesses: { maxWrong: number; windowSeconds: number };
  };
  /** The certificate signing key, the retired keys still published, the issuer's name. */
  abstract readonly certificates: CertificateKeysConfig;
  /** How long spent or stale records are kept before the housekeeping jobs remove them. */
  abstract readonly housekeeping: HousekeepingConfig;
}

/** Retention of what the platform leaves behind (docs/operations.md, Housekeeping jobs). */
export interface HousekeepingConfig {
  sessionRetentionDays: number;
  accountTokenRetentionDays: number;
  abandonedUploadHours: number;
  transcodeScratchHours: number;
  outboxArchiveAfterDays: number;
}

/** Where distance-lesson videos live and how they are processed and handed out. */
export interface MediaConfig {
  storage: 'disk' | 's3';
  /** Absolute: disk storage root and local scratch space (uploads in progress, transcodes). */
  dir: string;
  /** Set when `storage` is `s3`. */
  s3: {
    bucket: string;
    endpoint?: string;
    region: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  } | null;
  videoMaxBytes: number;
  ffmpegPath: string;
  ffprobePath: string;
  transcode: { timeoutSeconds: number; preset: string; niceness: number };
  playbackTtlSeconds: number;
}

function parseDatabaseUrl(url: string): AppConfig['database'] & { problems: string[] } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    url,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    name,
    poolSize: 10,
    exportPoolSize: 2,
    exportStallSeconds: 30,
    problems: /^[A-Za-z0-9_]+$/.test(name)
      ? []
      : ['DATABASE_URL must name a database (letters, digits, _)'],
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}

function parseQueues(value: string | undefined): { enabled: QueueName[]; problems: string[] } {
  if (!value) return { enabled: [...QUEUE_NAMES], problems: [] };
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(QUEUE_NAMES as readonly string[]).includes(name));
  return {
    enabled: names.filter((name): name is QueueName => !unknown.includes(name)),
    problems: unknown.length
      ? [`unknown queue(s) ${unknown.join(', ')}; known: ${QUEUE_NAMES.join(', ')}`]
      : [],
  };
}

/** Maps validated variables to the typed config; throws ConfigError naming every bad key. */
export function buildConfig(env: EnvironmentVariables): AppConfig {
  const database = parseDatabaseUrl(env.DATABASE_URL);
  const queues = parseQueues(env.WORKER_QUEUES);
  const redis = new URL(env.REDIS_URL);
  const problems: Record<string, string[]> = {};
  if (database.problems.length) problems.DATABASE_URL = database.problems;
  if (queues.problems.length) problems.WORKER_QUEUES = queues.problems;
  if (env.MEDIA_STORAGE === 's3' && !env.MEDIA_S3_BUCKET)
    problems.MEDIA_S3_BUCKET = ['is required when MEDIA_STORAGE is s3'];
  if (!isTimeZone(env.TV_TIME_ZONE))
    problems.TV_TIME_ZONE = ['must be an IANA time zone such as Asia/Ho_Chi_Minh'];
  const certificates = certificateKeys(env);
  const oidc = oidcProviders(env.OIDC_PROVIDERS);
  if (oidc.problems.length) problems.OIDC_PROVIDERS = oidc.problems;
  Object.assign(problems, certificates.problems, productionSecretProblems(env));
  if (Object.keys(problems).length) throw new ConfigError(problems);
  const { problems: _ignored, ...db } = database;
  return {
    env: env.NODE_ENV,
    http: {
      port: env.PORT,
      host: env.HOST,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      importMaxBytes: env.IMPORT_MAX_BYTES,
      xapiAttachmentsMaxBytes: env.XAPI_ATTACHMENTS_MAX_BYTES,
      swaggerEnabled: env.SWAGGER_ENABLED,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      webDir: resolvePath(env.WEB_DIR),
    },
    database: {
      ...db,
      poolSize: env.DATABASE_POOL_SIZE,
      exportPoolSize: env.EXPORT_POOL_SIZE,
      exportStallSeconds: env.EXPORT_STALL_SECONDS,
    },
    redis: {
      url: env.REDIS_URL,
      host: redis.hostname,
      port: redis.port ? Number(redis.port) : 6379,
    },
    queues: {
      prefix: env.QUEUE_PREFIX,
      enabled: queues.enabled,
      outboxRelayIntervalMs: env.OUTBOX_RELAY_INTERVAL_MS,
      concurrency: {
        'media-transcode': env.WORKER_CONCURRENCY_MEDIA_TRANSCODE,
        documents: env.WORKER_CONCURRENCY_DOCUMENTS,
        notifications: env.WORKER_CONCURRENCY_NOTIFICATIONS,
        default: env.WORKER_CONCURRENCY_DEFAULT,
      },
      ratePerSecond: { notifications: env.NOTIFICATIONS_RATE_PER_SECOND },
      lockDurationMs: env.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      login: {
        maxPerIp: env.LOGIN_MAX_PER_IP,
        maxPerAccountAndIp: env.LOGIN_MAX_PER_ACCOUNT_AND_IP,
        maxPerAccount: env.LOGIN_MAX_PER_ACCOUNT,
        windowSeconds: env.LOGIN_WINDOW_SECONDS,
      },
      registration: {
        maxPerIp: env.REGISTER_MAX_PER_IP,
        windowSeconds: env.REGISTER_WINDOW_SECONDS,
      },
      passwordReset: {
        maxPerIp: env.RECOVERY_MAX_PER_IP,
        maxPerEmail: env.RECOVERY_MAX_PER_EMAIL,
        windowSeconds: env.RECOVERY_WINDOW_SECONDS,
      },
      oidcProviders: oidc.providers,
    },
    admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    log: { level: env.LOG_LEVEL },
    progress: {
      maxPlaybackRate: env.PROGRESS_MAX_PLAYBACK_RATE,
      slackSeconds: env.PROGRESS_SLACK_SECONDS,
    },
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM, dir: env.MAIL_DIR },
    notifications: {
      digestHourLocal: env.DIGEST_HOUR_LOCAL,
      unsubscribeSecret: env.UNSUBSCRIBE_SECRET ?? null,
    },
    training: { escalationDays: env.TRAINING_ESCALATION_DAYS },
    media: mediaConfig(env),
    television: {
      timeZone: env.TV_TIME_ZONE,
      attendanceGraceMinutes: env.TV_ATTENDANCE_GRACE_MINUTES,
      reminderLeadMinutes: env.TV_REMINDER_LEAD_MINUTES,
      codeGuesses: { maxWrong: env.TV_CODE_MAX_WRONG, windowSeconds: env.TV_CODE_WINDOW_SECONDS },
    },
    certificates: certificates.config!,
    housekeeping: {
      sessionRetentionDays: env.SESSION_RETENTION_DAYS,
      accountTokenRetentionDays: env.ACCOUNT_TOKEN_RETENTION_DAYS,
      abandonedUploadHours: env.UPLOAD_ABANDONED_HOURS,
      transcodeScratchHours: env.TRANSCODE_SCRATCH_HOURS,
      outboxArchiveAfterDays: env.OUTBOX_ARCHIVE_AFTER_DAYS,
    },
  };
}

function mediaConfig(env: EnvironmentVariables): MediaConfig {
  return {
    storage: env.MEDIA_STORAGE,
    dir: resolvePath(env.MEDIA_DIR),
    s3:
      env.MEDIA_STORAGE === 's3' && env.MEDIA_S3_BUCKET
        ? {
            bucket: env.MEDIA_S3_BUCKET,
            endpoint: env.MEDIA_S3_ENDPOINT,
            region: env.MEDIA_S3_REGION,
            accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
            secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE,
          }
        : null,
    videoMaxBytes: env.VIDEO_MAX_BYTES,
    ffmpegPath: env.FFMPEG_PATH,
    ffprobePath: env.FFPROBE_PATH,
    transcode: {
      timeoutSeconds: env.TRANSCODE_TIMEOUT_SECONDS,
      preset: env.TRANSCODE_PRESET,
      niceness: env.TRANSCODE_NICE,
    },
    playbackTtlSeconds: env.PLAYBACK_URL_TTL_SECONDS,
  };
}

/**
 * The one place that reads process.env: the real environment wins over `.env` (if present);
 * validates, and returns the typed config.
 */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  const file = existsSync('.env') ? parseDotenv(readFileSync('.env')) : {};
  return configFrom({ ...file, ...process.env, ...overrides });
}

/**
 * The config of exactly these settings, every other one at its default: neither `.env` nor
 * process.env is read (tests and generated files must not depend on the machine they run on).
 */
export function configFrom(settings: Record<string, string | undefined>): AppConfig {
  return buildConfig(validateEnvironment(settings));
}

/** For process entry points: a bad config prints each key's problem and exits with status 78. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message}\nSee .env.example for every setting and its default.\n`,
      );
      process.exit(78);
    }
    throw error;
  }
}
