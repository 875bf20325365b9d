import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/** An answer: status, raw body, and headers (a load balancer's, say, naming the upstream). */
export interface LoadAnswer {
  status: number;
  text: string;
  headers: IncomingHttpHeaders;
}

/**
 * A lean keep-alive HTTP client for load tests and benchmarks: node:http with a connection pool,
 * cheaper per request than fetch, so the figures measure the server more than the client.
 */
export class LoadClient {
  private readonly agent: Agent;
  private readonly url: URL;
  /**
   * Requests sent again because the server closed the kept-alive connection they went out on
   * before answering (see `send`).
   */
  resent = 0;

  constructor(base: string, maxSockets: number) {
    this.url = new URL(base);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** POSTs JSON; resolves the status and the raw answer. */
  post(path: string, body: unknown, token?: string): Promise<LoadAnswer> {
    const payload = JSON.stringify(body);
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    };
    if (token) headers.authorization = `Bearer ${token}`;
    return this.send('POST', path, headers, payload);
  }

  /** GETs `path` (with its query string); resolves the status and the raw answer. */
  get(path: string, token?: string): Promise<LoadAnswer> {
    return this.send('GET', path, token ? { authorization: `Bearer ${token}` } : {});
  }

  private send(
    method: string,
    path: string,
    headers: Record<string, string | number>,
    payload?: string,
    attempt = 1,
  ): Promise<LoadAnswer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          headers,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A server closes an idle keep-alive connection when it likes (nginx's old workers at a
        // reload, say); a request written as it closes is reset unread, and a client sends it
        // again on a new connection (Node's documentation of `reusedSocket`; browsers do so).
        // Only on a reused connection and before any answer: anything else is the server's.
        if (req.reusedSocket && !answered && error.code === 'ECONNRESET' && attempt < 3) {
          this.resent += 1;
          resolve(this.send(method, path, headers, payload, attempt + 1));
        } else reject(error);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` on every item with at most `limit` in flight; results in item order. */
export async function inFlight<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
