import { ExportConnections } from '@lifelong/database';
import { createApp } from '../../apps/api/src/create-app';
import { Readiness } from '../../apps/api/src/ops/readiness.service';
import { adminSession } from '../support/admin-session';
import { peopleRegistry } from '../support/people';

const api = adminSession();
const person = peopleRegistry(() => api.http, 'hoc-vien');

// Read untyped on purpose: the OpenAPI document itself (/api/docs-json) is not one of its own
// routes, so the typed client has no type for it.
async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('operations', () => {
  it('answers liveness and readiness', async () => {
    const live = await fetch(`${api.http.base}/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${api.http.base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: 'ok', migrations: 'ok' },
    });
  });

  it('answers 503 naming what is not ready', async () => {
    jest.spyOn(api.app.get(Readiness), 'check').mockResolvedValueOnce({
      ready: false,
      checks: { database: 'ok', redis: 'down: no answer', migrations: 'ok' },
    });
    const response = await fetch(`${api.http.base}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      statusCode: 503,
      code: 'NOT_READY',
      message: 'Not ready: redis',
      details: { checks: { redis: 'down: no answer' } },
    });
  });

  it('echoes the request id, or makes one', async () => {
    const given = await fetch(`${api.http.base}/health`, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${api.http.base}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await fetch(`${api.http.base}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('exposes Prometheus metrics with request durations by route and queue depths', async () => {
    await fetch(`${api.http.base}/health`);
    const response = await fetch(`${api.http.base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{route="\/health",method="GET",status="200"\} \d+/,
    );
    expect(text).toMatch(/lifelong_queue_jobs\{queue="default",state="waiting"\} 0/);
  });

  it('serves Swagger UI and an OpenAPI 3 document of every route', async () => {
    const ui = await fetch(`${api.http.base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    const init = await fetch(`${api.http.base}/api/docs/swagger-ui-init.js`);
    expect(init.status).toBe(200);

    const document = await json(await fetch(`${api.http.base}/api/docs-json`));
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: 'Lifelong' });
    expect(document.components).toMatchObject({
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    });
    expect(Object.keys(document.paths as object)).toEqual(
      expect.arrayContaining([
        '/health',
        '/health/ready',
        '/metrics',
        '/api/v1/admin/queues/session',
      ]),
    );
  });
});

describe('Bull Board', () => {
  it('refuses a visitor without a token', async () => {
    const response = await fetch(`${api.http.base}/admin/queues`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses an invalid token and a signed-in user who is not an administrator', async () => {
    const forged = await fetch(`${api.http.base}/admin/queues`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(forged.status).toBe(401);
    const learner = (await person()).token;
    const response = await fetch(`${api.http.base}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${learner}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const session = await fetch(`${api.http.base}/api/v1/admin/queues/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${learner}` },
    });
    expect(session.status).toBe(403);
  });

  it('shows every queue to an administrator with a Bearer token', async () => {
    const admin = api.adminToken;
    const response = await fetch(`${api.http.base}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    // Bull Board's own api, mounted beside ours and not in our OpenAPI document: typed here.
    const { queues } = (await response.json()) as { queues: { name: string }[] };
    expect(queues.map((queue) => queue.name).sort()).toEqual(
      ['default', 'documents', 'media-transcode', 'notifications'].sort(),
    );
  });

  it('opens in a browser through the admin-only session cookie', async () => {
    const admin = api.adminToken;
    const session = await fetch(`${api.http.base}/api/v1/admin/queues/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(session.status).toBe(204);
    const setCookie = session.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/admin\/queues/i);

    const cookie = setCookie.split(';')[0]!;
    const page = await fetch(`${api.http.base}/admin/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('__UI_CONFIG__');
    // The page's scripts load with the same cookie (the base href is the board's path).
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${api.http.base}/admin/queues/${script}`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect((await fetch(`${api.http.base}/admin/queues/${script}`)).status).toBe(401);
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish before the app closes', async () => {
    const closing = await createApp(api.config);
    // A slow route stands in for a long request: the test needs one in flight while closing.
    closing
      .getHttpAdapter()
      .getInstance()
      .get('/slow-test-route', async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { finished: true };
      });
    await closing.listen({ port: 0, host: '127.0.0.1' });
    const url = (await closing.getUrl()).replace('[::1]', '127.0.0.1');
    const inFlight = fetch(`${url}/slow-test-route`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closing.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('stops listening before anything a request in flight uses closes', async () => {
    const closing = await createApp(api.config);
    // A slow export: it reads through the export pool, which closes on shutdown. Its rows
    // arrive only if the pool was still open when the request, taken before close(), ran.
    closing
      .getHttpAdapter()
      .getInstance()
      .get('/slow-export-test-route', async () => {
        const rows: unknown[] = [];
        const stream = await closing
          .get(ExportConnections)
          .stream('SELECT SLEEP(0.4) AS `slept`, 1 AS `row`', []);
        for await (const row of stream) rows.push(row);
        return rows;
      });
    await closing.listen({ port: 0, host: '127.0.0.1' });
    const url = (await closing.getUrl()).replace('[::1]', '127.0.0.1');
    const inFlight = fetch(`${url}/slow-export-test-route`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = closing.close();
    // New connections are refused at once, while the request is still being served.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual([{ slept: 0, row: 1 }]);
    await closed;
  });
});
