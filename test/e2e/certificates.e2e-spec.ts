import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { adminSession } from '../support/admin-session';
import { eventually, expectStatus } from '../support/e2e';
import { answered, apiClient } from '../support/api-client';
import { peopleRegistry, signInAgain } from '../support/people';

// A certificate's life over HTTP, with the real api and the real worker: a learner completes a
// course, the worker issues the certificate within seconds, the learner lists and downloads it,
// the public verifies it, a facility admin revokes it, and the learner was told in the inbox.
const run = promisify(execFile);
const api = adminSession({ withWorker: true, withMediaDir: true });
const person = peopleRegistry(() => api.http, 'certificates');

jest.setTimeout(60_000);

it('is issued on completion, listed, downloaded, verified, revoked, and announced', async () => {
  const token = api.adminToken;
  const unit = await expectStatus(
    answered(
      api.asAdmin.POST('/api/v1/admin-units', {
        body: { code: 'VN-HG', name: 'Tỉnh Hà Giang', level: 'province' },
      }),
    ),
    201,
  );
  const facility = await expectStatus(
    answered(
      api.asAdmin.POST('/api/v1/facilities', {
        body: {
          code: 'GDTX-HG',
          name: 'Trung tâm GDTX tỉnh Hà Giang',
          type: 'provincial_ce_center',
          adminUnitId: unit.id,
        },
      }),
    ),
    201,
  );
  // Course and lesson are sent without the fields whose defaults apply (`language`, `required`…).
  const asAdmin = apiClient(api.http.base, token);
  const course = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses', {
        body: { facilityId: facility.id, title: 'An toàn thông tin cơ bản', summary: 'Mật khẩu' },
      }),
    ),
    201,
  );
  const courseId = course.id;
  const section = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses/{id}/sections', {
        params: { path: { id: courseId } },
        body: { title: 'Phần 1' },
      }),
    ),
    201,
  );
  const reading = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/sections/{id}/lessons', {
        params: { path: { id: section.id } },
        body: { title: 'Bài đọc', kind: 'reading', body: '<p>Mật khẩu mạnh.</p>' },
      }),
    ),
    201,
  );
  await expectStatus(api.http.post(`/api/v1/courses/${courseId}/publish`, { token }), 200);

  // A facility admin, who may revoke this facility's certificates.
  const manager = await person({ email: 'quanly@example.vn', fullName: 'Trần Quản Lý' });
  await expectStatus(
    api.http.post(`/api/v1/admin/users/${manager.id}/roles`, {
      token,
      body: { role: 'facility_admin', scopeType: 'facility', scopeId: facility.id },
    }),
    201,
  );
  const managerToken = await signInAgain(api.http, manager);

  // The learner completes the course.
  const learner = await person({ email: 'hang@example.vn', fullName: 'Nguyễn Thị Hằng' });
  const learnerToken = learner.token;
  const asLearner = apiClient(api.http.base, learnerToken);
  const enrollment = await expectStatus(
    answered(
      asLearner.POST('/api/v1/courses/{id}/enrollments', { params: { path: { id: courseId } } }),
    ),
    201,
  );
  const done = await expectStatus(
    answered(
      asLearner.POST('/api/v1/enrollments/{id}/lessons/{lessonId}/complete', {
        params: { path: { id: enrollment.id, lessonId: reading.id } },
      }),
    ),
    200,
  );
  expect(done).toMatchObject({ courseCompleted: true });

  // The worker issues the certificate within seconds.
  const [mine] = await eventually('the certificate', async () => {
    const list = await answered(asLearner.GET('/api/v1/me/certificates'));
    expect(list.body).toMatchObject({ page: 1, pageSize: 20 });
    const items = list.body.items;
    return items.length ? items : undefined;
  });
  expect(mine).toMatchObject({
    courseId: course.id,
    courseTitle: 'An toàn thông tin cơ bản',
    expiresAt: null,
    status: 'valid',
  });
  const serial = mine!.serial;
  expect(serial).toMatch(
    /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/,
  );

  // The learner downloads the PDF.
  const pdf = await fetch(`${api.http.base}/api/v1/certificates/${serial}/pdf`, {
    headers: { authorization: `Bearer ${learnerToken}` },
  });
  expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  const file = join(api.mediaDir!, 'downloaded.pdf');
  await writeFile(file, Buffer.from(await pdf.arrayBuffer()));
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  expect(stdout.normalize('NFC')).toContain('Nguyễn Thị Hằng');

  // Anyone verifies it, without signing in.
  expect((await api.http.get(`/api/v1/verify/${serial.toLowerCase()}`)).body).toMatchObject({
    status: 'valid',
    holderName: 'Nguyễn Thị Hằng',
    courseTitle: 'An toàn thông tin cơ bản',
    facilityName: 'Trung tâm GDTX tỉnh Hà Giang',
  });

  // The facility admin revokes it; verification says so at once.
  await expectStatus(
    api.http.post(`/api/v1/certificates/${serial}/revoke`, {
      token: managerToken,
      body: { reason: 'Cấp nhầm người' },
    }),
    200,
  );
  expect((await api.http.get(`/api/v1/verify/${serial}`)).body).toMatchObject({
    status: 'revoked',
    revocationReason: 'Cấp nhầm người',
  });
  const page = await (await fetch(`${api.http.base}/verify/${serial}`)).text();
  expect(page).toContain('Đã bị thu hồi');
  // The revocation is in the audit log: who, why, and the holder.
  const audit = await api.http.get('/api/v1/admin/audit?action=certificate.revoked', { token });
  expect(audit.body.items).toEqual([
    expect.objectContaining({
      actorId: manager.id,
      actorName: 'Trần Quản Lý',
      subjectType: 'certificate',
      details: expect.objectContaining({
        serial: serial.replace(/-/g, ''),
        reason: 'Cấp nhầm người',
      }) as unknown,
    }),
  ]);

  // The learner was told in the inbox.
  const notice = await eventually('the notification', async () => {
    const inbox = await answered(asLearner.GET('/api/v1/me/notifications'));
    return inbox.body.items.find((item) => item.kind === 'certificate.issued');
  });
  expect(JSON.stringify(notice)).toContain('An toàn thông tin cơ bản');
});
