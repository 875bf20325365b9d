import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toBuffer as qrPng } from 'qrcode';
import { DataSource } from 'typeorm';
import { adminSession } from '../support/admin-session';
import { answered } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { type Person, peopleRegistry, signInAgain } from '../support/people';

// A facility admin tries a certificate template before saving it: the trial print is the PDF a
// certificate of the facility would get, filled with an example learner, and nothing is kept.
const run = promisify(execFile);
const api = adminSession({ withMediaDir: true });
let facilityId: string;
let facilityAdmin: Person;
let instructor: Person;
const person = peopleRegistry(() => api.http, 'templates');

jest.setTimeout(60_000);

const fields = {
  title: 'CHỨNG NHẬN HOÀN THÀNH',
  body: 'Chúc mừng {{holderName}} đã hoàn thành khoá học tại {{facilityName}}.',
  signerName: 'Lê Văn Giám',
  signerTitle: 'Giám đốc',
};

/** The text of a PDF answer, as pdftotext reads it. */
async function pdfText(body: ArrayBuffer, name: string): Promise<string> {
  const file = join(api.mediaDir!, name);
  await writeFile(file, Buffer.from(body));
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.normalize('NFC').replace(/\s+/g, ' ');
}

/** Whether a PDF draws an image (pdfimages lists them after a two-line header). */
async function drawsImage(body: ArrayBuffer, name: string): Promise<boolean> {
  const file = join(api.mediaDir!, name);
  await writeFile(file, Buffer.from(body));
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout.trim().split('\n').length > 2;
}

const preview = (token: string, body: Record<string, unknown>): Promise<Response> =>
  fetch(`${api.http.base}/api/v1/certificate-templates/preview`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  const { asAdmin, adminToken: token } = api;
  const unit = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/admin-units', {
        body: { code: 'VN-LC', name: 'Tỉnh Lào Cai', level: 'province' },
      }),
    ),
    201,
  );
  const facility = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/facilities', {
        body: {
          code: 'GDTX-LC',
          name: 'Trung tâm GDTX tỉnh Lào Cai',
          type: 'provincial_ce_center',
          adminUnitId: unit.id,
        },
      }),
    ),
    201,
  );
  facilityId = facility.id;
  facilityAdmin = await person();
  instructor = await person();
  for (const [who, role] of [
    [facilityAdmin, 'facility_admin'],
    [instructor, 'instructor'],
  ] as const)
    await expectStatus(
      api.http.post(`/api/v1/admin/users/${who.id}/roles`, {
        token,
        body: { role, scopeType: 'facility', scopeId: facilityId },
      }),
      201,
    );
  // Roles are read at sign-in.
  await signInAgain(api.http, facilityAdmin);
  await signInAgain(api.http, instructor);
});

it('lists the placeholders a text may use, with what a trial print shows', async () => {
  const answer = await api.http.get('/api/v1/certificate-templates/placeholders', {
    token: facilityAdmin.token,
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual(
    expect.arrayContaining([
      { name: 'holderName', example: 'Nguyễn Văn An' },
      expect.objectContaining({ name: 'serial' }),
    ]),
  );
});

it('prints the texts, filled, as a certificate of the facility would, and keeps nothing', async () => {
  const answer = await preview(facilityAdmin.token, { ...fields, facilityId });
  expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  expect(answer.headers.get('cache-control')).toBe('private, no-store');
  const text = await pdfText(await answer.arrayBuffer(), 'preview.pdf');
  expect(text).toContain('CHỨNG NHẬN HOÀN THÀNH');
  expect(text).toContain(
    'Chúc mừng Nguyễn Văn An đã hoàn thành khoá học tại Trung tâm GDTX tỉnh Lào Cai.',
  );
  expect(text).toContain('Lê Văn Giám');
  expect(text).toContain('Số hiệu: 0000-0000-0000-01');

  const listed = await api.http.get(`/api/v1/certificate-templates?facilityId=${facilityId}`, {
    token: facilityAdmin.token,
  });
  expect(listed.body).toEqual([]);
  const [{ certificates }] = await api.app
    .get(DataSource)
    .query<[{ certificates: string }]>('SELECT COUNT(*) AS certificates FROM `certificates`');
  expect(Number(certificates)).toBe(0);
});

it("draws a new logo, and the saved template's when none is sent", async () => {
  const logo = (await qrPng('logo', { scale: 2 })).toString('base64');
  const withLogo = await preview(facilityAdmin.token, { ...fields, facilityId, logoBase64: logo });
  expect(withLogo.status).toBe(200);
  expect(await drawsImage(await withLogo.arrayBuffer(), 'logo.pdf')).toBe(true);
  const without = await preview(facilityAdmin.token, { ...fields, facilityId });
  expect(await drawsImage(await without.arrayBuffer(), 'none.pdf')).toBe(false);

  const saved = await api.http.post('/api/v1/certificate-templates', {
    token: facilityAdmin.token,
    body: { ...fields, facilityId, logoBase64: logo },
  });
  expect(saved.status).toBe(201);
  const kept = await preview(facilityAdmin.token, { ...fields, facilityId });
  expect(await drawsImage(await kept.arrayBuffer(), 'kept.pdf')).toBe(true);
  const removed = await preview(facilityAdmin.token, { ...fields, facilityId, logoBase64: null });
  expect(await drawsImage(await removed.arrayBuffer(), 'removed.pdf')).toBe(false);
  await api.app
    .get(DataSource)
    .query('DELETE FROM `certificate_templates` WHERE `id` = ?', [saved.body.id]);
});

it('names the field that holds an unknown placeholder (422)', async () => {
  const answer = await preview(facilityAdmin.token, {
    ...fields,
    facilityId,
    signerTitle: 'Thay mặt {{ principal }}',
  });
  expect(answer.status).toBe(422);
  expect(await answer.json()).toMatchObject({
    code: 'TEMPLATE_PLACEHOLDER_UNKNOWN',
    details: { unknown: ['principal'], fields: { signerTitle: ['principal'] } },
  });
  const badLogo = await preview(facilityAdmin.token, {
    ...fields,
    facilityId,
    logoBase64: Buffer.from('GIF89a fake').toString('base64'),
  });
  expect([badLogo.status, await badLogo.json()]).toEqual([
    422,
    expect.objectContaining({ code: 'LOGO_INVALID' }),
  ]);
});

it("refuses an instructor, a learner, and another facility's admin", async () => {
  const learner = await person();
  for (const token of [instructor.token, learner.token]) {
    const answer = await preview(token, { ...fields, facilityId });
    expect(answer.status).toBe(403);
  }
  const elsewhere = await preview(facilityAdmin.token, {
    ...fields,
    facilityId: '00000000-0000-4000-8000-000000000000',
  });
  expect(elsewhere.status).toBe(403);
  const nobody = await fetch(`${api.http.base}/api/v1/certificate-templates/preview`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...fields, facilityId }),
  });
  expect(nobody.status).toBe(401);
});
