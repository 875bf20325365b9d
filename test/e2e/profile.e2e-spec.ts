import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type HttpClient, listen } from '../support/http-client';
import { peopleRegistry } from '../support/people';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

// api.md "Accounts": PATCH /api/v1/me changes the person's own name, language and time zone.
let app: NestFastifyApplication;
let http: HttpClient;
const person = peopleRegistry(() => http, 'profile');

beforeAll(async () => {
  app = await createTestApp(testConfig());
  http = await listen(app);
});

afterAll(async () => {
  await app.close();
});

const patchMe = (token: string, body: unknown) =>
  http.request('PATCH', '/api/v1/me', { token, body });

describe('my profile', () => {
  it('starts in Vietnamese, in Vietnam’s time zone', async () => {
    const { token } = await person();
    const me = await http.get('/api/v1/me', { token });
    expect(me.body).toMatchObject({ locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' });
  });

  it('changes the language, the time zone and the name, and GET /me shows them', async () => {
    const { token } = await person();
    const changed = await patchMe(token, {
      fullName: '  Nguyễn Thị Lan ',
      locale: 'en',
      timeZone: 'Europe/Paris',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      fullName: 'Nguyễn Thị Lan',
      locale: 'en',
      timeZone: 'Europe/Paris',
    });
    expect((await http.get('/api/v1/me', { token })).body).toEqual(changed.body);
  });

  it('leaves the fields it is not given as they are', async () => {
    const { token } = await person();
    await patchMe(token, { timeZone: 'Asia/Bangkok' });
    const changed = await patchMe(token, { locale: 'en' });
    expect(changed.body).toMatchObject({ locale: 'en', timeZone: 'Asia/Bangkok' });
    expect(changed.body.fullName).toMatch(/^Người/);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '+07:00' }, 'timeZone'],
    [{ timeZone: 'A'.repeat(65) }, 'timeZone'],
    [{ locale: 'fr' }, 'locale'],
    [{ fullName: '   ' }, 'fullName'],
  ])('refuses %j with 400 VALIDATION_FAILED naming the field', async (body, field) => {
    const { token } = await person();
    const refused = await patchMe(token, body);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.refusal?.details?.fields ?? {})).toEqual([field]);
    expect((await http.get('/api/v1/me', { token })).body).toMatchObject({
      locale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

  it('is for signed-in people only', async () => {
    const anonymous = await http.request('PATCH', '/api/v1/me', { body: { locale: 'en' } });
    expect(anonymous.status).toBe(401);
  });
});
