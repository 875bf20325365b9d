import type { ErrorBody } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export type Json = Record<string, unknown>;

/**
 * The body of a refused request: one shape on every route (api.md, Errors; ErrorBody), which
 * the OpenAPI document does not repeat per route. A validation 400 lists each field's problems.
 */
export interface Refusal extends ErrorBody {
  details?: { fields?: Record<string, string[]>; [detail: string]: unknown };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: Json;
  /** The body again, as a refusal, when the status is 4xx or 5xx. */
  refusal?: Refusal;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with content-type application/json (malformed JSON tests). */
  rawBody?: string;
  /** `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

/** fetch against a listening app, JSON in and out. */
export class HttpClient {
  constructor(readonly base: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const payload =
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as Json) : {};
    // The shape is the api's promise for every refusal; api-fuzz checks it on all answers.
    const refusal = response.ok ? undefined : (body as unknown as Refusal);
    return { status: response.status, headers: response.headers, body, refusal };
  }

  post(path: string, options?: RequestOptions): Promise<HttpResult> {
    return this.request('POST', path, options);
  }

  get(path: string, options?: RequestOptions): Promise<HttpResult> {
    return this.request('GET', path, options);
  }

  delete(path: string, options?: RequestOptions): Promise<HttpResult> {
    return this.request('DELETE', path, options);
  }
}

/** Listens on a free loopback port and returns a client for it. */
export async function listen(app: NestFastifyApplication): Promise<HttpClient> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return new HttpClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
}
