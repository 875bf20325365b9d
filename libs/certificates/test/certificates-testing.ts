import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CertificatesHttpModule } from '@lifelong/certificates';
import {
  type AppConfig,
  Clock,
  ClockModule,
  ConfigModule,
  JobsModule,
  LoggingModule,
  type ManualClock,
} from '@lifelong/common';
import { CoursesHttpModule } from '@lifelong/courses';
import { DatabaseModule } from '@lifelong/database';
import { EnrollmentHttpModule } from '@lifelong/enrollment';
import { IdentityHttpModule } from '@lifelong/identity';
import { OrganizationsHttpModule, OrganizationsModule } from '@lifelong/organizations';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createApp } from '../../../apps/api/src/create-app';
import { OpsModule } from '../../../apps/api/src/ops/ops.module';

export { buildCourse, outboxEvents } from '../../../test/support/course-fixtures';
export { person, type Person } from '../../../test/support/distance-lessons';

const execFileAsync = promisify(execFile);
const PACKAGE_OF: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  zbarimg: 'zbar-tools',
};

/** Runs a PDF tool; a missing one says which Debian package brings it. */
async function run(tool: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(tool, args);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT')
      throw new Error(`${tool} is not installed: apt-get install ${PACKAGE_OF[tool] ?? tool}`);
    throw error;
  }
}

/**
 * The api as createApp builds it, with the domains certificates stands on (not every other
 * domain's routes), on a clock the test moves.
 */
export function certificatesApp(
  config: AppConfig,
  clock: ManualClock,
): Promise<NestFastifyApplication> {
  return createApp(config, async (adapter) => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'api'),
        ClockModule,
        DatabaseModule,
        JobsModule,
        OpsModule,
        IdentityHttpModule,
        OrganizationsModule,
        OrganizationsHttpModule,
        CoursesHttpModule,
        EnrollmentHttpModule,
        CertificatesHttpModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    return moduleRef.createNestApplication<NestFastifyApplication>(adapter, {
      bufferLogs: true,
      abortOnError: false,
    });
  });
}

/** A scratch folder (media storage root, PDFs to inspect). */
export const scratchDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'lifelong-cert-'));
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** The text of a PDF as poppler's pdftotext reads it (NFC, so comparisons are fair). */
export async function pdfText(pdf: Buffer, dir: string): Promise<string> {
  const file = join(dir, `text-${Date.now()}-${Math.random()}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.normalize('NFC');
}

/** Every word pdftotext finds, with its box in points (origin top left). */
export async function pdfWords(
  pdf: Buffer,
  dir: string,
): Promise<{
  page: { width: number; height: number };
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}> {
  const file = join(dir, `bbox-${Date.now()}-${Math.random()}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const [, width = '0', height = '0'] =
    /<page width="([\d.]+)" height="([\d.]+)">/.exec(stdout) ?? [];
  const words = [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map(([, xMin, yMin, xMax, yMax, text]) => ({
    text: text!,
    xMin: Number(xMin),
    yMin: Number(yMin),
    xMax: Number(xMax),
    yMax: Number(yMax),
  }));
  return { page: { width: Number(width), height: Number(height) }, words };
}

/** What the QR codes on a PDF's first page decode to (rasterized by pdftoppm, read by zbarimg). */
export async function pdfQrCodes(pdf: Buffer, dir: string): Promise<string[]> {
  const base = join(dir, `qr-${Date.now()}-${Math.random()}`);
  await writeFile(`${base}.pdf`, pdf);
  await run('pdftoppm', ['-png', '-r', '100', '-singlefile', `${base}.pdf`, base]);
  const { stdout } = await run('zbarimg', ['--quiet', '--raw', `${base}.png`]);
  return stdout.split('\n').filter(Boolean);
}
