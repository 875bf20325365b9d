import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AppConfig, loadConfigOrExit, QUEUE_NAMES, StartupError } from '@lifelong/common';
import { describeUnreachable, probeServices } from '@lifelong/database';
import { migrate } from './migrate.command';
import { seedDemo } from './seed-demo.command';

const HEALTH_WAIT_MS = 60_000;

/** A fresh clone has no .env: start from the documented local defaults. */
function ensureEnvFile(): void {
  if (!existsSync('.env') && existsSync('.env.example')) {
    copyFileSync('.env.example', '.env');
    process.stdout.write('Created .env from .env.example (local defaults).\n');
  }
}

function startProcess(name: 'api' | 'worker', env: NodeJS.ProcessEnv = {}): ChildProcess {
  // The cli bundle sits beside the api and worker bundles in dist/apps/.
  return spawn(process.execPath, [join(__dirname, '..', name, 'main.js')], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
}

const answers = (command: string): boolean =>
  spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;

/**
 * The platform runs without ffmpeg, minus video transcoding: rather than let the worker refuse
 * to start, leave its queue out and say how to turn it on.
 */
function workerEnvironment(config: AppConfig): NodeJS.ProcessEnv {
  if (!config.queues.enabled.includes('media-transcode')) return {};
  if (answers(config.media.ffmpegPath) && answers(config.media.ffprobePath)) return {};
  process.stdout.write(
    `ffmpeg/ffprobe not found (${config.media.ffmpegPath}, ${config.media.ffprobePath}): ` +
      'the worker runs without video transcoding. Install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) ' +
      'and start again to turn it on.\n',
  );
  const queues = config.queues.enabled.filter((queue) => queue !== 'media-transcode');
  return {
    WORKER_QUEUES: queues.join(',') || QUEUE_NAMES.filter((q) => q !== 'media-transcode').join(','),
  };
}

async function waitForHealth(config: AppConfig): Promise<boolean> {
  const url = `http://127.0.0.1:${config.http.port}/health`;
  const deadline = Date.now() + HEALTH_WAIT_MS;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return true;
    await sleep(500);
  }
  return false;
}

/** Runs until Ctrl+C; when either process dies, stops the other and exits with its code. */
function superviseUntilExit(children: ChildProcess[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    const stopAll = (): void => {
      stopping = true;
      for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    };
    process.on('SIGINT', stopAll);
    process.on('SIGTERM', stopAll);
    let running = children.length;
    for (const child of children) {
      child.on('exit', (code) => {
        running -= 1;
        if (!stopping) {
          stopAll();
          reject(
            new Error(`A Lifelong process stopped unexpectedly (exit code ${code ?? 'signal'}).`),
          );
        } else if (running === 0) resolve();
      });
    }
  });
}

/** `npm start`: services check, migrations, demo data, then api and worker together. */
export async function up(): Promise<void> {
  ensureEnvFile();
  const config = loadConfigOrExit();
  const unreachable = await probeServices(config);
  if (unreachable.length > 0) throw new StartupError(describeUnreachable(unreachable));
  await migrate(config);
  await seedDemo(config);
  const children = [startProcess('api'), startProcess('worker', workerEnvironment(config))];
  const supervised = superviseUntilExit(children);
  if (await waitForHealth(config)) {
    const url = config.http.publicUrl;
    process.stdout.write(
      `\nLifelong is running. Open ${url}/\n` +
        `  Sign in as a demo person (README.md "Demo accounts", password Lifelong@2026) or as ${config.admin.email} (ADMIN_PASSWORD in .env).\n` +
        `  API documentation: ${url}/api/docs\n  Health: ${url}/health/ready\n` +
        '  Press Ctrl+C to stop.\n\n',
    );
  }
  await supervised;
}
