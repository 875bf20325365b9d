import { type AppConfig, certificateKeys, ManualClock } from '@lifelong/common';
import {
  Certificate,
  CertificateSigner,
  displaySerial,
  IssueCertificate,
  IssuerProfile,
  SERIAL_ALPHABET,
} from '@lifelong/certificates';
import { CompleteLessonService, EnrollLearnerService } from '@lifelong/enrollment';
import { AccessTokenService } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { toBuffer as qrPng } from 'qrcode';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '../../../test/setup/test-env';
import { type HttpClient, type Json, listen } from '../../../test/support/http-client';
import { certificateKeys as printKeyPair } from '../../../apps/cli/src/certificate-keys.command';
import { IssueCertificateJob } from '../src/issue/issue-certificate.job';
import { jpegDeclaring, pngDeclaring } from './logo-images';
import {
  buildCourse,
  certificatesApp,
  outboxEvents,
  pdfQrCodes,
  pdfText,
  person,
  type Person,
  removeDir,
  scratchDir,
} from './certificates-testing';

const clock = new ManualClock('2026-12-01T08:00:00.000Z');
let dir: string;
let config: AppConfig;
let app: NestFastifyApplication;
let http: HttpClient;
let dataSource: DataSource;
let admin: Person;
let facilityAdmin: Person;
let otherFacilityAdmin: Person;
let instructor: Person;
let facilityId: string;
let courseId: string;
let lessonId: string;

const facilityNamed = async (name: string): Promise<string> => {
  const suffix = Math.random().toString(36).slice(2, 10);
  const unit = await http.post('/api/v1/admin-units', {
    token: admin.token,
    body: { code: `AU-${suffix}`, name: 'Tỉnh Thử', level: 'province' },
  });
  const facility = await http.post('/api/v1/facilities', {
    token: admin.token,
    body: {
      code: `F-${suffix}`,
      name,
      type: 'community_learning_center',
      adminUnitId: unit.body.id,
    },
  });
  expect(facility.status).toBe(201);
  return facility.body.id as string;
};

/** A learner (named as given, stored as given: NFC or NFD) who completed the course. */
async function completed(fullName: string): Promise<{ learner: Person; enrollmentId: string }> {
  const learner = await person(app, 'hoc.vien', {
    role: 'learner',
    scopeType: null,
    scopeId: null,
  });
  await dataSource.query('UPDATE `users` SET `full_name` = ? WHERE `id` = ?', [
    fullName,
    learner.userId,
  ]);
  const { enrollment } = await app.get(EnrollLearnerService).enroll(learner.userId, courseId);
  await app.get(CompleteLessonService).completeLesson(enrollment.id, lessonId);
  return { learner, enrollmentId: enrollment.id };
}

const issue = (enrollmentId: string) => app.get(IssueCertificate).issue(enrollmentId);
const shown = (serial: string): string => serial.match(/.{1,4}/g)!.join('-');
const pdfOf = async (serial: string, who: Person): Promise<{ status: number; body: Buffer }> => {
  const response = await fetch(`${http.base}/api/v1/certificates/${serial}/pdf`, {
    headers: { authorization: `Bearer ${who.token}` },
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
};

beforeAll(async () => {
  dir = await scratchDir();
  config = testConfig({ MEDIA_DIR: dir, DATABASE_POOL_SIZE: '12' });
  app = await certificatesApp(config, clock);
  http = await listen(app);
  dataSource = app.get(DataSource);
  admin = await person(app, 'admin', { role: 'admin', scopeType: null, scopeId: null });
  facilityId = await facilityNamed('Trung tâm Giáo dục thường xuyên Hà Giang');
  const otherFacilityId = await facilityNamed('Trung tâm khác');
  facilityAdmin = await person(app, 'quan.ly', {
    role: 'facility_admin',
    scopeType: 'facility',
    scopeId: facilityId,
  });
  otherFacilityAdmin = await person(app, 'quan.ly.khac', {
    role: 'facility_admin',
    scopeType: 'facility',
    scopeId: otherFacilityId,
  });
  instructor = await person(app, 'giang.vien', {
    role: 'instructor',
    scopeType: 'facility',
    scopeId: facilityId,
  });
  const course = await buildCourse(app, admin.principal, facilityId, {
    lessons: [{ title: 'Bài đọc', kind: 'reading', body: '<p>Nội dung</p>' }],
  });
  courseId = course.courseId;
  lessonId = course.lessonIds[0]!;
  await dataSource.query(
    'UPDATE `courses` SET `title` = ?, `hours` = 12.5, `validity_months` = 24 WHERE `id` = ?',
    ['Kỹ năng số cơ bản', courseId],
  );
});

afterEach(() => clock.set('2026-12-01T08:00:00.000Z'));

afterAll(async () => {
  await app?.close();
  await removeDir(dir);
});

describe('issuing', () => {
  it('issues exactly one certificate when the same completion arrives three times at once', async () => {
    const { learner, enrollmentId } = await completed('Nguyễn Thị Hằng');
    // The event's job, delivered three times at once (a redelivery, a second relay, a retry).
    const job = new IssueCertificateJob(app.get(IssueCertificate));
    const outcomes = await Promise.all([1, 2, 3].map(() => job.run({ enrollmentId })));

    expect(new Set(outcomes.map((o) => o.serial)).size).toBe(1);
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    const rows = await dataSource.getRepository(Certificate).findBy({ enrollmentId });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      userId: learner.userId,
      holderName: 'Nguyễn Thị Hằng',
      courseTitle: 'Kỹ năng số cơ bản',
      facilityName: 'Trung tâm Giáo dục thường xuyên Hà Giang',
      hours: 12.5,
      keyId: 'development',
      issuedAt: new Date('2026-12-01T08:00:00.000Z'),
      expiresAt: new Date('2028-12-01T08:00:00.000Z'),
      pdfKey: `certificates/${row!.id}.pdf`,
    });
    expect(existsSync(join(dir, 'certificates', `${row!.id}.pdf`))).toBe(true);
    const issued = (await outboxEvents(dataSource, 'certificate.issued')).filter(
      (event) => event.enrollmentId === enrollmentId,
    );
    expect(issued).toEqual([
      {
        certificateId: row!.id,
        serial: displaySerial(row!.serial),
        userId: learner.userId,
        enrollmentId,
        courseId,
        courseTitle: 'Kỹ năng số cơ bản',
        issuedAt: '2026-12-01T08:00:00.000Z',
        expiresAt: '2028-12-01T08:00:00.000Z',
      },
    ]);

    const mine = await http.get('/api/v1/me/certificates', { token: learner.token });
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(mine.body.items).toEqual([
      {
        serial: shown(row!.serial),
        courseId,
        courseTitle: 'Kỹ năng số cơ bản',
        issuedAt: '2026-12-01T08:00:00.000Z',
        expiresAt: '2028-12-01T08:00:00.000Z',
        status: 'valid',
        shared: false,
      },
    ]);
  });

  it('refuses an enrollment that is not completed, for good (no retry)', async () => {
    const learner = await person(app, 'hoc.vien', {
      role: 'learner',
      scopeType: null,
      scopeId: null,
    });
    const { enrollment } = await app.get(EnrollLearnerService).enroll(learner.userId, courseId);
    await expect(
      new IssueCertificateJob(app.get(IssueCertificate)).run({ enrollmentId: enrollment.id }),
    ).rejects.toMatchObject({ name: 'UnrecoverableError' });
    expect(
      await dataSource.getRepository(Certificate).countBy({ enrollmentId: enrollment.id }),
    ).toBe(0);
  });
});

describe('the PDF', () => {
  it('prints a name stored decomposed (NFD) with every diacritic, and a QR code of the verify URL', async () => {
    const name = 'Đặng Thị Ngọc Huyền Trương Quỳnh';
    const { learner, enrollmentId } = await completed(name.normalize('NFD'));
    const { serial } = await issue(enrollmentId);
    const pdf = await pdfOf(shown(serial), learner);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.body, dir);
    expect(text).toContain(`\n${name}\n`);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Kỹ năng số cơ bản');
    expect(flat).toContain('Trung tâm Giáo dục thường xuyên Hà Giang');
    expect(flat).toContain(shown(serial));
    expect(flat).toContain('01/12/2028');
    expect(await pdfQrCodes(pdf.body, dir)).toEqual([
      `${config.http.publicUrl}/verify/${shown(serial)}`,
    ]);
  });

  it('goes to the holder and the facility staff; anyone else gets 404', async () => {
    const { learner, enrollmentId } = await completed('Lê Văn Bình');
    const { serial } = await issue(enrollmentId);
    const stranger = await person(app, 'nguoi.la', {
      role: 'learner',
      scopeType: null,
      scopeId: null,
    });
    expect((await pdfOf(serial, learner)).status).toBe(200);
    expect((await pdfOf(serial, instructor)).status).toBe(200);
    expect((await pdfOf(serial, stranger)).status).toBe(404);
    expect((await pdfOf(serial, otherFacilityAdmin)).status).toBe(404);
  });

  it('is rendered again and stored when storing it never finished', async () => {
    const { learner, enrollmentId } = await completed('Phạm Minh Châu');
    const { certificateId, serial } = await issue(enrollmentId);
    await dataSource.query('UPDATE `certificates` SET `pdf_key` = NULL WHERE `id` = ?', [
      certificateId,
    ]);
    await removeDir(join(dir, 'certificates', `${certificateId}.pdf`));
    const pdf = await pdfOf(serial, learner);
    expect(pdf.status).toBe(200);
    expect(await pdfText(pdf.body, dir)).toContain('Phạm Minh Châu');
    expect(existsSync(join(dir, 'certificates', `${certificateId}.pdf`))).toBe(true);
  });
});

describe('verification', () => {
  let serial: string;
  let learner: Person;

  beforeAll(async () => {
    const done = await completed('Hoàng <b>Anh</b> "Tú"');
    learner = done.learner;
    serial = (await issue(done.enrollmentId)).serial;
  });

  it('answers without login, accepting lower case and spaces', async () => {
    const typed = shown(serial).toLowerCase().replace(/-/g, ' ');
    const response = await http.get(`/api/v1/verify/${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      serial: shown(serial),
      status: 'valid',
      holderName: 'Hoàng <b>Anh</b> "Tú"',
      courseTitle: 'Kỹ năng số cơ bản',
      facilityName: 'Trung tâm Giáo dục thường xuyên Hà Giang',
      hours: 12.5,
      issuedAt: '2026-12-01T08:00:00.000Z',
      expiresAt: '2028-12-01T08:00:00.000Z',
      revokedAt: null,
      revocationReason: null,
    });
  });

  it('answers 400 SERIAL_MALFORMED for one character changed, 404 for an unknown serial', async () => {
    const at = 6;
    const other = SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(serial[at]!) + 1) % 32]!;
    const typo = serial.slice(0, at) + other + serial.slice(at + 1);
    const lookups = jest.spyOn(dataSource.getRepository(Certificate), 'findOneBy');
    const malformed = await http.get(`/api/v1/verify/${typo}`);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'SERIAL_MALFORMED']);
    expect((await http.get('/api/v1/verify/not-a-serial')).body.code).toBe('SERIAL_MALFORMED');
    expect(lookups).not.toHaveBeenCalled();
    const unknown = await http.get('/api/v1/verify/0000-0000-0000-00');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    expect(lookups).toHaveBeenCalledTimes(1);
    lookups.mockRestore();
  });

  it('serves an HTML page that escapes what it shows and runs no script', async () => {
    const response = await fetch(`${http.base}/verify/${shown(serial)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Hoàng &lt;b&gt;Anh&lt;/b&gt; &quot;Tú&quot;');
    expect(html).toContain('Còn hiệu lực');
    expect(html).not.toMatch(/<script/i);
    // The same serial with another check symbol: refused as malformed, on the page too.
    const wrongCheck = SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(serial[13]!) + 1) % 32]!;
    expect((await fetch(`${http.base}/verify/${serial.slice(0, 13)}${wrongCheck}`)).status).toBe(
      400,
    );
  });

  it('says expired once the validity has run out', async () => {
    clock.set('2028-12-01T08:00:00.000Z');
    try {
      const response = await http.get(`/api/v1/verify/${serial}`);
      expect(response.body.status).toBe('expired');
      // Access tokens follow the clock too: sign in again, two years on.
      const token = await app.get(AccessTokenService).issue(learner.userId);
      const mine = await http.get('/api/v1/me/certificates', { token });
      expect((mine.body.items as Json[])[0]).toMatchObject({ status: 'expired' });
    } finally {
      clock.set('2026-12-01T08:00:00.000Z');
    }
  });
});

describe('revoking', () => {
  let serial: string;
  const revoke = (who: Person, target: string, body: unknown) =>
    http.post(`/api/v1/certificates/${target}/revoke`, { token: who.token, body });

  beforeAll(async () => {
    serial = (await issue((await completed('Vũ Thị Lan')).enrollmentId)).serial;
  });

  it('needs a reason and the right facility', async () => {
    expect((await revoke(facilityAdmin, serial, {})).status).toBe(400);
    expect((await revoke(facilityAdmin, serial, { reason: '  ' })).status).toBe(400);
    expect((await revoke(otherFacilityAdmin, serial, { reason: 'Gian lận' })).status).toBe(403);
    expect((await revoke(instructor, serial, { reason: 'Gian lận' })).status).toBe(403);
    const unknown = await revoke(admin, '0000-0000-0000-00', { reason: 'Gian lận' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    expect((await http.get(`/api/v1/verify/${serial}`)).body.status).toBe('valid');
  });

  it('is audited, shows at once, and happens once', async () => {
    clock.set('2026-12-01T08:10:00.000Z');
    const first = await revoke(facilityAdmin, serial, { reason: 'Học viên gian lận bài kiểm tra' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'revoked' });
    expect((await http.get(`/api/v1/verify/${serial}`)).body).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-12-01T08:10:00.000Z',
      revocationReason: 'Học viên gian lận bài kiểm tra',
    });
    const audit = await dataSource.query<{ revoked_by: string; reason: string }[]>(
      'SELECT r.`revoked_by`, r.`reason` FROM `certificate_revocations` r JOIN `certificates` c ON c.`id` = r.`certificate_id` WHERE c.`serial` = ?',
      [serial],
    );
    expect(audit).toEqual([
      { revoked_by: facilityAdmin.userId, reason: 'Học viên gian lận bài kiểm tra' },
    ]);
    const again = await revoke(admin, serial, { reason: 'Lần nữa' });
    expect([again.status, again.body.code]).toEqual([409, 'CERTIFICATE_ALREADY_REVOKED']);
    const html = await (await fetch(`${http.base}/verify/${serial}`)).text();
    expect(html).toContain('Đã bị thu hồi');
    clock.set('2026-12-01T08:00:00.000Z');
  });
});

describe('the Open Badges 3.0 credential', () => {
  it('verifies offline with only the key published in issuer.json, also after a key rotation', async () => {
    const { learner, enrollmentId } = await completed('Trần Quốc Toản');
    const { serial } = await issue(enrollmentId);
    const issuer = await http.get('/.well-known/lifelong/issuer.json');
    expect(issuer.status).toBe(200);
    // Shared by the holder, it answers anyone (without a token).
    const shared = await http.request('PUT', `/api/v1/certificates/${serial}/sharing`, {
      token: learner.token,
      body: { shared: true },
    });
    expect([shared.status, shared.body.shared]).toEqual([200, true]);
    const response = await http.get(`/api/v1/certificates/${serial}/credential`);
    expect(response.status).toBe(200);
    const jwt = response.body.compactJwsString as string;

    const { payload, protectedHeader } = await jwtVerify(
      jwt,
      createLocalJWKSet(issuer.body as unknown as Parameters<typeof createLocalJWKSet>[0]),
      { issuer: `${config.http.publicUrl}/.well-known/lifelong/issuer.json` },
    );
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: 'development' });
    expect(payload).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer.body.id, type: ['Profile'], name: 'Lifelong' },
      validFrom: '2026-12-01T08:00:00.000Z',
      validUntil: '2028-12-01T08:00:00.000Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ identityHash: 'Trần Quốc Toản', identityType: 'name' }],
        achievement: { type: ['Achievement'], name: 'Kỹ năng số cơ bản' },
      },
    });
    expect(response.body.credential).toEqual(
      expect.objectContaining({ type: payload.type, credentialSubject: payload.credentialSubject }),
    );

    // Rotated: a new signing key, the development key's public half still published.
    const lines = printKeyPair(['2027-01']).split('\n');
    const setting = (name: string) =>
      lines.find((l) => l.startsWith(`${name}=`))!.slice(name.length + 1);
    const devPublic = app.get(CertificateSigner).publishedKeys()[0]!;
    const { createPublicKey } = await import('node:crypto');
    const spki = createPublicKey({ key: { ...devPublic }, format: 'jwk' })
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
    const rotated = {
      ...config,
      certificates: certificateKeys({
        NODE_ENV: 'test',
        CERTIFICATE_ISSUER_NAME: 'Lifelong',
        CERTIFICATE_KEY_ID: setting('CERTIFICATE_KEY_ID'),
        CERTIFICATE_SIGNING_KEY: setting('CERTIFICATE_SIGNING_KEY'),
        CERTIFICATE_PREVIOUS_KEYS: `development=${spki}`,
      }).config!,
    } as AppConfig;
    const document = new IssuerProfile(rotated, new CertificateSigner(rotated)).document();
    expect(document.keys.map((key) => key.kid)).toEqual(['2027-01', 'development']);
    await expect(jwtVerify(jwt, createLocalJWKSet({ keys: document.keys }))).resolves.toBeTruthy();
  });
});

describe('sharing the credential', () => {
  it('is for the holder and the staff until the holder shares it, and again once unshared', async () => {
    const { learner, enrollmentId } = await completed('Lý Thường Kiệt');
    const { serial } = await issue(enrollmentId);
    const path = `/api/v1/certificates/${serial}/credential`;
    const stranger = await person(app, 'nguoi.la', {
      role: 'learner',
      scopeType: null,
      scopeId: null,
    });
    const statuses = async () => [
      (await http.get(path)).status,
      (await http.get(path, { token: stranger.token })).status,
      (await http.get(path, { token: learner.token })).status,
      (await http.get(path, { token: instructor.token })).status,
    ];
    expect(await statuses()).toEqual([404, 404, 200, 200]);
    const sharing = (token: string, shared: boolean) =>
      http.request('PUT', `/api/v1/certificates/${serial}/sharing`, { token, body: { shared } });

    expect((await sharing(stranger.token, true)).status).toBe(404);
    expect((await sharing(learner.token, true)).body).toMatchObject({ shared: true });
    expect(await statuses()).toEqual([200, 200, 200, 200]);
    const listed = await http.get('/api/v1/me/certificates', { token: learner.token });
    expect((listed.body.items as Json[])[0]).toMatchObject({ shared: true });

    expect((await sharing(learner.token, false)).body).toMatchObject({ shared: false });
    expect(await statuses()).toEqual([404, 404, 200, 200]);
    const bad = await http.request('PUT', `/api/v1/certificates/${serial}/sharing`, {
      token: learner.token,
      body: { shared: 'yes' },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('templates', () => {
  const fields = {
    title: 'CHỨNG CHỈ {{courseTitle}}',
    body: '{{holderName}} đã học {{hours}} giờ tại {{facilityName}}, cấp ngày {{issuedOn}}.',
    signerName: 'Nguyễn Văn Giám',
    signerTitle: 'Giám đốc',
  };

  it('refuses an unknown placeholder when saved, naming it', async () => {
    const response = await http.post('/api/v1/certificate-templates', {
      token: facilityAdmin.token,
      body: { ...fields, facilityId, body: 'Chúc mừng {{studentName}} và {{ grade }}' },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'TEMPLATE_PLACEHOLDER_UNKNOWN' });
    expect(JSON.stringify(response.body)).toContain('studentName');
    expect(JSON.stringify(response.body)).toContain('grade');
  });

  it('refuses a logo that is no PNG or JPEG, and other facilities’ admins', async () => {
    const notImage = await http.post('/api/v1/certificate-templates', {
      token: facilityAdmin.token,
      body: { ...fields, facilityId, logoBase64: Buffer.from('GIF89a fake').toString('base64') },
    });
    expect([notImage.status, notImage.body.code]).toEqual([422, 'LOGO_INVALID']);
    const stranger = await http.post('/api/v1/certificate-templates', {
      token: otherFacilityAdmin.token,
      body: { ...fields, facilityId },
    });
    expect(stranger.status).toBe(403);
  });

  it('refuses a small logo that declares 30000×30000 pixels, before drawing it', async () => {
    for (const [what, logo] of [
      ['PNG', pngDeclaring(30_000, 30_000)],
      ['JPEG', jpegDeclaring(30_000, 30_000)],
    ] as const) {
      expect(logo.length).toBeLessThan(1024);
      const started = Date.now();
      const answer = await http.post('/api/v1/certificate-templates', {
        token: facilityAdmin.token,
        body: { ...fields, facilityId, logoBase64: logo.toString('base64') },
      });
      expect([what, answer.status, answer.body.code]).toEqual([what, 422, 'LOGO_INVALID']);
      expect(answer.body.message).toMatch(/30000×30000 pixels.*at most \d+×\d+/);
      expect(answer.body.details).toMatchObject({ width: 30_000, height: 30_000 });
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('reads a saved logo without holding the api’s thread', async () => {
    // A transparent PNG: the PDF library walks its pixels in JavaScript (long for a real logo).
    const logo = await qrPng('Trung tâm học tập cộng đồng', { scale: 20 });
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    let savedId: string;
    try {
      const saved = await http.post('/api/v1/certificate-templates', {
        token: facilityAdmin.token,
        body: { ...fields, facilityId, title: 'MẪU CÓ LOGO', logoBase64: logo.toString('base64') },
      });
      expect([saved.status, saved.body.logoType]).toEqual([201, 'image/png']);
      savedId = saved.body.id as string;
    } finally {
      clearInterval(ticker);
    }
    expect(longest).toBeLessThan(200);
    // The facility's one template slot stays free for the next test.
    await app
      .get(DataSource)
      .query('DELETE FROM `certificate_templates` WHERE `id` = ?', [savedId]);
  });

  it('prints with the course template (logo included) over the facility one', async () => {
    const logo = await qrPng('logo', { scale: 2 });
    const facilityWide = await http.post('/api/v1/certificate-templates', {
      token: facilityAdmin.token,
      body: { ...fields, facilityId, title: 'MẪU CƠ SỞ' },
    });
    expect(facilityWide.status).toBe(201);
    const forCourse = await http.post('/api/v1/certificate-templates', {
      token: facilityAdmin.token,
      body: { ...fields, courseId, logoBase64: logo.toString('base64') },
    });
    expect(forCourse.status).toBe(201);
    expect(forCourse.body).toMatchObject({ facilityId, courseId, logoType: 'image/png' });
    const twice = await http.post('/api/v1/certificate-templates', {
      token: facilityAdmin.token,
      body: { ...fields, courseId },
    });
    expect(twice.status).toBe(409);
    const edited = await http.request(
      'PUT',
      `/api/v1/certificate-templates/${forCourse.body.id as string}`,
      {
        token: facilityAdmin.token,
        body: { ...fields, signerName: 'Bà Trần Thị Hiệu Trưởng' },
      },
    );
    expect(edited.status).toBe(200);
    const listed = await http.get(`/api/v1/certificate-templates?facilityId=${facilityId}`, {
      token: facilityAdmin.token,
    });
    expect((listed.body as unknown as Json[]).map((t) => t.id)).toHaveLength(2);

    const { learner, enrollmentId } = await completed('Ngô Bảo Châu');
    const { serial } = await issue(enrollmentId);
    const text = (await pdfText((await pdfOf(serial, learner)).body, dir)).replace(/\s+/g, ' ');
    expect(text).toContain('CHỨNG CHỈ Kỹ năng số cơ bản');
    expect(text).toContain(
      'Ngô Bảo Châu đã học 12,5 giờ tại Trung tâm Giáo dục thường xuyên Hà Giang',
    );
    expect(text).toContain('Bà Trần Thị Hiệu Trưởng');
    expect(text).not.toContain('MẪU CƠ SỞ');
  });
});
