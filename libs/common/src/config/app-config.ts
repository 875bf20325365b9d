import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const MEDIA_STORAGES = ['disk', 's3'] as const;
const X264_PRESETS = [
  'ultrafast',
  'superfast',
  'veryfast',
  'faster',
  'fast',
  'medium',
  'slow',
] as const;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/** Every setting the processes read, as environment variables, validated once at start. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** The built web app (`npm run build`), served at `/`; relative to the working directory. */
  @IsString()
  @MinLength(1)
  WEB_DIR = 'dist/web';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  @Matches(/^mysql:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL = 'mysql://root@127.0.0.1:3306/lifelong';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Connections of the separate pool that streamed exports (CSV) read from. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EXPORT_POOL_SIZE = 2;

  /** A streamed export whose client reads nothing for this long is cut off (its connection freed). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  EXPORT_STALL_SECONDS = 30;

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may use letters, digits, _ and - only' })
  QUEUE_PREFIX = 'lifelong';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WORKER_QUEUES?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 52_428_800;

  // A statement request with its attachments' contents (multipart/mixed); each content is one
  // row, under MariaDB's default max_allowed_packet of 16 MiB.
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(16_000_000)
  XAPI_ATTACHMENTS_MAX_BYTES = 10_485_760;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_PER_IP = 30;

  /** Failed sign-ins on one account from one client address: slows a guesser there. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_PER_ACCOUNT_AND_IP = 5;

  /**
   * Failed sign-ins on one account from all addresses together: a ceiling well above the
   * per-address limit, so one attacker cannot lock the owner out (docs/identity.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_PER_ACCOUNT = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Registrations from one client address per REGISTER_WINDOW_SECONDS; more are 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_MAX_PER_IP = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_WINDOW_SECONDS = 3600;

  /** Password-reset requests from one client address per RECOVERY_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_MAX_PER_IP = 20;

  /** Password-reset requests for one email (from anywhere) per window: limits mail bombing. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_MAX_PER_EMAIL = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_WINDOW_SECONDS = 3600;
  /**
   * Single sign-on providers: a JSON array of `{ id, issuer, clientId, clientSecret, name }`;
   * empty for none. Checked in buildConfig (oidc-providers.ts).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OIDC_PROVIDERS?: string;

  @IsEmail()
  ADMIN_EMAIL = 'admin@lifelong.local';

  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD!: string;

  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED = true;

  /**
   * Which proxies may set X-Forwarded-For (client address for login rate limits and logs):
   * `false` (none: the api is reached directly), `true` (any), a hop count, or comma-separated
   * addresses/CIDRs of the load balancers.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/CIDRs',
  })
  TRUST_PROXY = 'false';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_RELAY_INTERVAL_MS = 1000;

  /** Jobs one worker process runs at once, per queue (sized to the queue's resource profile). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY_MEDIA_TRANSCODE = 1;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY_DOCUMENTS = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY_NOTIFICATIONS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY_DEFAULT = 5;

  /**
   * How long a running job's lock lasts without renewal (the worker renews it at half this):
   * a worker that dies holds its jobs this long before another may take them. BullMQ's default.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  WORKER_LOCK_DURATION_MS = 30_000;

  /** How often each worker looks for running jobs whose lock has lapsed. BullMQ's default. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  WORKER_STALLED_INTERVAL_MS = 30_000;

  /** Video progress: the fastest playback players offer; watching credit never accrues faster. */
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(16)
  PROGRESS_MAX_PLAYBACK_RATE = 2;

  /** Video progress: seconds of credit allowed on top of elapsed time (report timing jitter). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  PROGRESS_SLACK_SECONDS = 5;

  /** Notifications: the SMTP relay; empty writes each message as an .eml file under MAIL_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, {
    message: 'SMTP_URL must look like smtp://user:password@host:587 (or smtps://), or be empty',
  })
  SMTP_URL?: string;

  @Matches(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address, optionally with a name: Lifelong <no-reply@example.vn>',
  })
  MAIL_FROM = 'Lifelong <no-reply@lifelong.local>';

  /** Where messages are written as .eml files while SMTP_URL is empty. */
  @IsString()
  @MinLength(1)
  MAIL_DIR = 'var/mail';

  /** Notification jobs (mostly email sends) started per second, across every worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  NOTIFICATIONS_RATE_PER_SECOND = 20;

  /** The local hour (0–23, in each user's time zone) at which daily digests go out. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR_LOCAL = 7;

  /** Days an assignment stays overdue before the org managers one unit up are told. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  TRAINING_ESCALATION_DAYS = 14;

  /** Signs unsubscribe links; empty derives a key from JWT_SECRET (for that purpose only). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'UNSUBSCRIBE_SECRET must be at least 32 characters, or empty' })
  UNSUBSCRIBE_SECRET?: string;

  /** Where video sources and HLS outputs live: `disk` (under MEDIA_DIR) or `s3`. */
  @IsIn(MEDIA_STORAGES)
  MEDIA_STORAGE: (typeof MEDIA_STORAGES)[number] = 'disk';

  /** Disk storage root; also the local scratch space for uploads in progress and transcoding. */
  @IsString()
  @MinLength(1)
  MEDIA_DIR = 'var/media';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'MEDIA_S3_BUCKET must be an S3 bucket name',
  })
  MEDIA_S3_BUCKET?: string;

  /** An S3-compatible endpoint (MinIO, Ceph, …); empty for AWS itself. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  MEDIA_S3_ENDPOINT?: string;

  @IsString()
  MEDIA_S3_REGION = 'us-east-1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
  @Transform(toBool)
  @IsBoolean()
  MEDIA_S3_FORCE_PATH_STYLE = true;

  /** The largest video an instructor may upload (default 4 GiB); larger is refused with 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  VIDEO_MAX_BYTES = 4 * 1024 ** 3;

  @IsString()
  @MinLength(1)
  FFMPEG_PATH = 'ffmpeg';

  @IsString()
  @MinLength(1)
  FFPROBE_PATH = 'ffprobe';

  /** A transcode running longer is stopped and the video fails with a reason. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  TRANSCODE_TIMEOUT_SECONDS = 3 * 3600;

  /** x264 speed/size trade-off for HLS renditions. */
  @IsIn(X264_PRESETS)
  TRANSCODE_PRESET: (typeof X264_PRESETS)[number] = 'veryfast';

  /** CPU priority of ffmpeg (0 normal … 19 lowest), so transcoding never starves the api. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(19)
  TRANSCODE_NICE = 19;

  /** How long a playback URL (and every playlist and segment it leads to) stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  PLAYBACK_URL_TTL_SECONDS = 4 * 3600;

  /** Television lessons: the time zone of feeds, reminder texts and schedule CSV input. */
  @IsString()
  @MinLength(1)
  TV_TIME_ZONE = 'Asia/Ho_Chi_Minh';

  /** Minutes after an airing ends during which its attendance code is still accepted. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  TV_ATTENDANCE_GRACE_MINUTES = 30;

  /** Minutes before air time at which enrolled learners are reminded. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_080)
  TV_REMINDER_LEAD_MINUTES = 30;

  /** Wrong attendance codes a learner may enter per TV_CODE_WINDOW_SECONDS before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TV_CODE_MAX_WRONG = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  TV_CODE_WINDOW_SECONDS = 600;

  /**
   * Signs certificates (Ed25519 private key, PEM or base64 PKCS#8); empty uses the committed
   * development key, which production refuses. Checked in buildConfig (certificate-keys.ts).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CERTIFICATE_SIGNING_KEY?: string;

  /** The signing key's id (`kid`), stored with every certificate it signs. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CERTIFICATE_KEY_ID?: string;

  /** Retired keys still published for verification: `kid=<base64 SPKI>,kid=…`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CERTIFICATE_PREVIOUS_KEYS?: string;

  /** The issuer's name on certificates and Open Badges credentials. */
  @IsString()
  @MinLength(1)
  CERTIFICATE_ISSUER_NAME = 'Lifelong';

  /** Sessions and refresh tokens expired or ended this many days ago are purged. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_RETENTION_DAYS = 30;

  /** Invitation and reset links expired, used or revoked this many days ago are purged. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_TOKEN_RETENTION_DAYS = 7;

  /** A tus upload nobody has written to for this many hours is abandoned: its files go. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOAD_ABANDONED_HOURS = 24;

  /** A transcode scratch folder this many hours old, with no transcode of its video running, goes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRANSCODE_SCRATCH_HOURS = 6;

  /** Outbox events relayed this many days ago move to `outbox_events_archive`. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_ARCHIVE_AFTER_DAYS = 30;
}

export type LogLevel = EnvironmentVariables['LOG_LEVEL'];

/** A bad setting: the message names each key and what is wrong with it. */
export class ConfigError extends Error {
  constructor(readonly problems: Record<string, string[]>) {
    super(
      'Invalid configuration:\n' +
        Object.entries(problems)
          .map(([key, messages]) => `  ${key}: ${messages.join('; ')}`)
          .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Validates raw environment variables; throws ConfigError naming every bad or missing key. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    const problems: Record<string, string[]> = {};
    for (const error of errors) {
      const messages = Object.values(error.constraints ?? {});
      problems[error.property] = messages.length > 0 ? messages : ['is invalid'];
    }
    throw new ConfigError(problems);
  }
  return env;
}
