import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { registerChild } from '../support/child-registry';

/**
 * Debian's nginx as the load balancer in front of the api processes, run by the test itself:
 * its own prefix, configuration, logs, temporary folders and pid file in a folder of the test's,
 * in the foreground (no system service), on a free loopback port.
 */
export class Nginx {
  /** Upstreams taken out of the balancer (`host:port`), marked `down` in the configuration. */
  private readonly down = new Set<string>();

  private constructor(
    private readonly binary: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly port: number,
    private readonly upstreams: string[],
  ) {}

  /** `http://127.0.0.1:<port>`. */
  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Installs the Debian package when the machine has no nginx, as .ci/run does for ffmpeg. */
  static ensureInstalled(): string {
    const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], {
      encoding: 'utf8',
    });
    if (found.status === 0) return found.stdout.trim().split('\n')[0]!;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], {
      env,
      stdio: 'inherit',
    });
    return '/usr/sbin/nginx';
  }

  /** Balances `upstreams` (`http://127.0.0.1:<port>` each); resolves once it answers. */
  static async start(binary: string, dir: string, upstreams: string[]): Promise<Nginx> {
    await mkdir(dir, { recursive: true });
    const port = await freePort();
    await writeFile(join(dir, 'nginx.conf'), configuration(dir, port, upstreams, new Set()));
    const child = spawn(binary, options(dir), { stdio: ['ignore', 'pipe', 'pipe'] });
    registerChild(child, join(dir, 'nginx.conf'));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`nginx exited ${code}: ${output}`))),
    );
    await Promise.race([exited, answers(`${base}/health`)]);
    return new Nginx(binary, child, dir, port, upstreams);
  }

  /**
   * Takes `upstream` out of the balancer as an operator does before stopping it: the
   * configuration marks it `down` and nginx reloads. The master starts workers that never send
   * to it and tells the old ones to finish the requests they hold and exit; resolves once the
   * old ones have exited, when nothing can reach `upstream` through nginx any more.
   */
  async takeOut(upstream: string): Promise<void> {
    this.down.add(new URL(upstream).host);
    await writeFile(
      join(this.dir, 'nginx.conf'),
      configuration(this.dir, this.port, this.upstreams, this.down),
    );
    const old = this.workers();
    execFileSync(this.binary, [...options(this.dir), '-s', 'reload'], { stdio: 'pipe' });
    for (let tries = 0; tries < 1200; tries += 1) {
      const now = this.workers();
      if (now.length > 0 && !now.some((pid) => old.includes(pid))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`nginx's old workers did not exit after the reload: ${this.errorLog()}`);
  }

  /** The pids of the master's worker processes, read from /proc. */
  private workers(): number[] {
    const master = this.child.pid;
    const pids: number[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === master) pids.push(Number(name));
    }
    return pids;
  }

  /** The error log: what nginx said about the upstreams (a refused connection, a retry). */
  errorLog(): string {
    const log = join(this.dir, 'error.log');
    return existsSync(log) ? readFileSync(log, 'utf8') : '';
  }

  /** SIGQUIT: nginx's graceful stop. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGQUIT');
    await exited;
  }
}

/**
 * Round robin over the api processes. Requests go to the upstream on a fresh connection each
 * (no upstream keep-alive): an api that shuts down closes its listening socket, the next
 * connection to it is refused, and nginx passes the request to the other one
 * (`proxy_next_upstream error timeout`, its default). A refused connection means nothing was
 * sent, so this holds for POSTs too; a POST already sent is never sent again (nginx does not
 * retry non-idempotent requests unless told `non_idempotent`, and must not: an enrollment or a
 * progress report could then be stored twice). With upstream keep-alive, a connection the api
 * closes just as nginx reuses it would fail a POST that way.
 */
function configuration(
  dir: string,
  port: number,
  upstreams: string[],
  down: ReadonlySet<string>,
): string {
  const servers = upstreams
    .map((base) => new URL(base).host)
    .map(
      (host) => `    server ${host} max_fails=1 fail_timeout=30s${down.has(host) ? ' down' : ''};`,
    )
    .join('\n');
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
daemon off;
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'client-body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  client_max_body_size 64m;
  upstream api {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Prefix, configuration and error log: the test's own, for starting and for signals. */
const options = (dir: string) => [
  '-p',
  dir,
  '-c',
  join(dir, 'nginx.conf'),
  '-e',
  join(dir, 'error.log'),
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(url: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx never answered at ${url}`);
}
