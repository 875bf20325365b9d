import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { testConfig } from '../setup/test-env';

// The api's answers travel compressed to a client that accepts it (a learner's phone on a slow
// link): brotli first, else gzip, never for one that accepts neither, never for a tiny answer.
// fetch decompresses by itself, so each body below is compared as read.
describe('compressed answers', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, encoding: string) =>
    fetch(`${base}${path}`, { headers: { 'accept-encoding': encoding } });

  it('sends the JSON of a public route with brotli, or gzip, the same JSON either way', async () => {
    const plain = await get('/api/v1/monitoring/indicators', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const json: unknown = await plain.json();
    // Big enough to be worth it: the catalogue of indicators with their definitions.
    expect(JSON.stringify(json).length).toBeGreaterThan(1024);

    const br = await get('/api/v1/monitoring/indicators', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await br.json()).toEqual(json);

    const gzip = await get('/api/v1/monitoring/indicators', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.json()).toEqual(json);
  });

  it('leaves a small answer as it is', async () => {
    const health = await get('/health', 'gzip, br');
    expect(health.status).toBe(200);
    expect(health.headers.get('content-encoding')).toBeNull();
  });
});
