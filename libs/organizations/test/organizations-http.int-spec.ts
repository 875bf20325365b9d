import type { AppConfig } from '@lifelong/common';
import { AccessTokenService, type RoleGrant, RoleGrantsService } from '@lifelong/identity';
import { ImportStaffJob } from '@lifelong/organizations';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/create-app';
import { testConfig } from '../../../test/setup/test-env';
import { insertUser, jobContext, organizationsModule } from './organizations-testing';

type Body = Record<string, unknown>;

interface Caller {
  token?: string;
  json?: unknown;
  body?: string | FormData;
  headers?: Record<string, string>;
}

/** The organizations routes over real HTTP, with tokens from identity. */
describe('organizations routes', () => {
  const config: AppConfig = testConfig({ IMPORT_MAX_BYTES: '4096' });
  let app: NestFastifyApplication;
  let base: string;
  let dataSource: DataSource;
  let adminToken: string;

  async function call(
    method: string,
    path: string,
    caller: Caller = {},
  ): Promise<{ status: number; body: Body }> {
    const headers: Record<string, string> = { ...caller.headers };
    if (caller.token) headers.authorization = `Bearer ${caller.token}`;
    if (caller.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: caller.json !== undefined ? JSON.stringify(caller.json) : caller.body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Body) : {} };
  }

  async function userWith(email: string, ...grants: RoleGrant[]): Promise<string> {
    const userId = await insertUser(dataSource, email);
    for (const grant of grants) await app.get(RoleGrantsService).assign(userId, grant);
    return app.get(AccessTokenService).issue(userId);
  }

  const created = async (path: string, json: Body, token = adminToken): Promise<Body> => {
    const response = await call('POST', path, { token, json });
    expect(response).toMatchObject({ status: 201 });
    return response.body;
  };

  beforeAll(async () => {
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    adminToken = await userWith('admin@lifelong.vn', {
      role: 'admin',
      scopeType: null,
      scopeId: null,
    });
  });

  afterAll(() => app.close());

  it('documents the routes and their fields in the OpenAPI document', async () => {
    const { body } = await call('GET', '/api/docs-json');
    const paths = body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin-units',
        '/api/v1/facilities',
        '/api/v1/org-units',
        '/api/v1/org-units/{id}/members',
        '/api/v1/admin/imports/staff',
        '/api/v1/admin/imports/{importId}',
      ]),
    );
    const schemas = (body.components as { schemas: Record<string, { properties: Body }> }).schemas;
    expect(Object.keys(schemas.CreateFacilityDto?.properties ?? {}).sort()).toEqual([
      'adminUnitId',
      'code',
      'name',
      'type',
    ]);
    expect(Object.keys(paths['/api/v1/admin/imports/staff']?.post ?? {})).toContain('requestBody');
  });

  describe('administrative units and facilities', () => {
    let hanoi: Body;
    let badinh: Body;
    let hue: Body;

    beforeAll(async () => {
      hanoi = await created('/api/v1/admin-units', {
        code: '01',
        name: 'Thành phố Hà Nội',
        level: 'province',
      });
      hue = await created('/api/v1/admin-units', {
        code: '46',
        name: 'Thành phố Huế',
        level: 'province',
      });
      badinh = await created('/api/v1/admin-units', {
        code: '001',
        name: 'Quận Ba Đình',
        level: 'district',
        parentId: hanoi.id,
      });
    });

    it('answers a created unit with its fields', () => {
      expect(Object.keys(badinh).sort()).toEqual(['code', 'id', 'level', 'name', 'parentId']);
      expect(badinh).toMatchObject({
        code: '001',
        name: 'Quận Ba Đình',
        level: 'district',
        parentId: hanoi.id,
      });
    });

    it('lists the provinces and the children of a unit, publicly and paginated', async () => {
      const roots = await call('GET', '/api/v1/admin-units?pageSize=1');
      expect(roots).toMatchObject({ status: 200, body: { total: 2, page: 1, pageSize: 1 } });
      expect(roots.body.items).toEqual([expect.objectContaining({ code: '01' })]);
      const children = await call('GET', `/api/v1/admin-units?parentId=${String(hanoi.id)}`);
      expect(children.body).toMatchObject({
        total: 1,
        items: [{ code: '001', level: 'district' }],
      });
    });

    it('refuses a taken code, an unknown parent and invalid fields', async () => {
      const taken = await call('POST', '/api/v1/admin-units', {
        token: adminToken,
        json: { code: '01', name: 'Trùng mã', level: 'province' },
      });
      expect(taken).toMatchObject({ status: 409, body: { code: 'ADMIN_UNIT_CODE_TAKEN' } });
      const orphan = await call('POST', '/api/v1/admin-units', {
        token: adminToken,
        json: {
          code: '999',
          name: 'Mồ côi',
          level: 'commune',
          parentId: '01900000-0000-7000-8000-000000000000',
        },
      });
      expect(orphan).toMatchObject({ status: 422, body: { code: 'PARENT_NOT_FOUND' } });
      const invalid = await call('POST', '/api/v1/admin-units', {
        token: adminToken,
        json: { code: "01'; DROP TABLE admin_units;--", name: 'X', level: 'Province', extra: 1 },
      });
      expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(Object.keys((invalid.body.details as { fields: Body }).fields).sort()).toEqual([
        'code',
        'extra',
        'level',
      ]);
      expect(
        (
          await call('POST', '/api/v1/admin-units', {
            json: { code: '02', name: 'Hà Giang', level: 'province' },
          })
        ).status,
      ).toBe(401);
    });

    it('lets an admin scoped to a province add units inside it only', async () => {
      const token = await userWith('admin.hanoi@lifelong.vn', {
        role: 'admin',
        scopeType: 'admin_unit',
        scopeId: String(hanoi.id),
      });
      await created(
        '/api/v1/admin-units',
        { code: '00001', name: 'Phường Phúc Xá', level: 'commune', parentId: badinh.id },
        token,
      );
      const elsewhere = await call('POST', '/api/v1/admin-units', {
        token,
        json: { code: '19999', name: 'Phường khác', level: 'ward', parentId: hue.id },
      });
      expect(elsewhere.status).toBe(403);
      const root = await call('POST', '/api/v1/admin-units', {
        token,
        json: { code: '98', name: 'Tỉnh mới', level: 'province' },
      });
      expect(root.status).toBe(403);
    });

    it('registers facilities and finds them by type and anywhere in an administrative subtree', async () => {
      const center = await created('/api/v1/facilities', {
        code: 'GDTX-BD',
        name: 'Trung tâm GDNN-GDTX quận Ba Đình',
        type: 'district_vocational_ce_center',
        adminUnitId: badinh.id,
      });
      expect(Object.keys(center).sort()).toEqual(['adminUnitId', 'code', 'id', 'name', 'type']);
      expect(center).toMatchObject({
        code: 'GDTX-BD',
        name: 'Trung tâm GDNN-GDTX quận Ba Đình',
        type: 'district_vocational_ce_center',
        adminUnitId: badinh.id,
      });
      await created('/api/v1/facilities', {
        code: 'DH-HUE',
        name: 'Đại học Huế',
        type: 'university',
        adminUnitId: hue.id,
      });
      const inHanoi = await call('GET', `/api/v1/facilities?adminUnitId=${String(hanoi.id)}`);
      expect(inHanoi.body).toMatchObject({ total: 1, items: [{ code: 'GDTX-BD' }] });
      const universities = await call('GET', '/api/v1/facilities?type=university');
      expect(universities.body).toMatchObject({ total: 1, items: [{ code: 'DH-HUE' }] });
      expect((await call('GET', '/api/v1/facilities?type=school')).status).toBe(400);
      const duplicate = await call('POST', '/api/v1/facilities', {
        token: adminToken,
        json: { code: 'DH-HUE', name: 'Trùng', type: 'other', adminUnitId: hue.id },
      });
      expect(duplicate).toMatchObject({ status: 409, body: { code: 'FACILITY_CODE_TAKEN' } });
    });
  });

  describe('org units and members', () => {
    it('lets an org manager build inside their unit and place people, keeping history', async () => {
      const ministry = await created('/api/v1/org-units', {
        code: 'BNV',
        name: 'Bộ Nội vụ',
        level: 'central',
      });
      expect(ministry.level).toBe('central');
      const other = await created('/api/v1/org-units', { code: 'BTC', name: 'Bộ Tài chính' });
      const manager = await userWith('to.chuc@bnv.gov.vn', {
        role: 'org_manager',
        scopeType: 'org_unit',
        scopeId: String(ministry.id),
      });
      const office = await created(
        '/api/v1/org-units',
        { code: 'BNV-VP', name: 'Văn phòng Bộ', parentId: ministry.id },
        manager,
      );
      expect(Object.keys(office).sort()).toEqual(
        ['code', 'id', 'level', 'parentId', 'name'].sort(),
      );
      expect(office).toMatchObject({
        code: 'BNV-VP',
        name: 'Văn phòng Bộ',
        parentId: ministry.id,
        level: null,
      });
      // The level of an agency is set and cleared through the same routes, from a fixed list.
      const levelled = await call('PATCH', `/api/v1/org-units/${String(office.id)}`, {
        token: manager,
        json: { level: 'province' },
      });
      expect(levelled).toMatchObject({ status: 200, body: { level: 'province' } });
      const cleared = await call('PATCH', `/api/v1/org-units/${String(office.id)}`, {
        token: manager,
        json: { level: null },
      });
      expect(cleared).toMatchObject({ status: 200, body: { level: null } });
      const unknown = await call('PATCH', `/api/v1/org-units/${String(office.id)}`, {
        token: manager,
        json: { level: 'ward' },
      });
      expect(unknown.status).toBe(400);
      const outside = await call('POST', '/api/v1/org-units', {
        token: manager,
        json: { code: 'BTC-VP', name: 'Văn phòng', parentId: other.id },
      });
      expect(outside.status).toBe(403);

      const userId = await insertUser(dataSource, 'chuyen.vien@bnv.gov.vn');
      const first = await created(
        `/api/v1/org-units/${String(ministry.id)}/members`,
        { userId, position: 'Chuyên viên' },
        manager,
      );
      expect(first).toMatchObject({
        userId,
        orgUnitId: ministry.id,
        position: 'Chuyên viên',
        jobGrade: null,
        endedAt: null,
      });
      const moved = await created(
        `/api/v1/org-units/${String(office.id)}/members`,
        { userId, position: 'Chuyên viên', jobGrade: 'A1' },
        manager,
      );
      expect(moved).toMatchObject({ orgUnitId: office.id, jobGrade: 'A1', endedAt: null });
      const history = await dataSource.query<{ orgUnitId: string; ended: number }[]>(
        'SELECT `org_unit_id` AS orgUnitId, `ended_at` IS NOT NULL AS ended FROM `memberships` WHERE `user_id` = ? ORDER BY `started_at`, `ended_at` IS NULL',
        [userId],
      );
      expect(history.map((row) => [row.orgUnitId, Number(row.ended)])).toEqual([
        [ministry.id, 1],
        [office.id, 0],
      ]);
      const unknownUnit = await call('POST', '/api/v1/org-units/no-such-unit/members', {
        token: manager,
        json: { userId },
      });
      expect(unknownUnit.status).toBe(404);
      const unknownUser = await call('POST', `/api/v1/org-units/${String(office.id)}/members`, {
        token: manager,
        json: { userId: '01900000-0000-7000-8000-000000000000' },
      });
      expect(unknownUser).toMatchObject({ status: 422, body: { code: 'USER_NOT_FOUND' } });
    });
  });

  describe('members of another subtree', () => {
    it('refuses an org manager moving someone out of a unit outside their scope; an admin may', async () => {
      const home = await created('/api/v1/org-units', { code: 'BYT', name: 'Bộ Y tế' });
      const away = await created('/api/v1/org-units', { code: 'BCT', name: 'Bộ Công Thương' });
      const manager = await userWith('to.chuc@byt.gov.vn', {
        role: 'org_manager',
        scopeType: 'org_unit',
        scopeId: String(home.id),
      });
      const userId = await insertUser(dataSource, 'can.bo@bct.gov.vn');
      await created(`/api/v1/org-units/${String(away.id)}/members`, {
        userId,
        position: 'Vụ trưởng',
      });

      const taken = await call('POST', `/api/v1/org-units/${String(home.id)}/members`, {
        token: manager,
        json: { userId },
      });
      expect(taken).toMatchObject({
        status: 403,
        body: { statusCode: 403, code: 'MEMBER_OUTSIDE_SCOPE' },
      });
      const current = await dataSource.query<{ orgUnitId: string }[]>(
        'SELECT `org_unit_id` AS orgUnitId FROM `memberships` WHERE `current_user_id` = ?',
        [userId],
      );
      expect(current).toEqual([{ orgUnitId: away.id }]);

      // Someone in no unit yet may be placed; an admin may move anyone.
      const newcomer = await insertUser(dataSource, 'moi@byt.gov.vn');
      await created(`/api/v1/org-units/${String(home.id)}/members`, { userId: newcomer }, manager);
      await created(`/api/v1/org-units/${String(home.id)}/members`, { userId });
    });
  });

  describe('staff imports', () => {
    const csv =
      'employeeCode,fullName,email,orgUnitCode,position,jobGrade\nNV001,Nguyễn Văn An,an@bnv.gov.vn,NHAP,Chuyên viên,A1\n';

    beforeAll(() => created('/api/v1/org-units', { code: 'NHAP', name: 'Phòng nhập liệu' }));

    it('accepts a CSV body with 202, storing the import and its outbox event together', async () => {
      const accepted = await call('POST', '/api/v1/admin/imports/staff', {
        token: adminToken,
        body: csv,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
      expect(accepted).toMatchObject({
        status: 202,
        body: { importId: expect.any(String) as unknown },
      });
      const importId = String(accepted.body.importId);
      const events = await dataSource.query<{ payload: unknown }[]>(
        'SELECT `payload` FROM `outbox_events` WHERE `type` = ?',
        ['organizations.staff-import-requested'],
      );
      expect(
        events.map((event) =>
          typeof event.payload === 'string'
            ? (JSON.parse(event.payload) as unknown)
            : event.payload,
        ),
      ).toContainEqual({ importId });
      const queued = await call('GET', `/api/v1/admin/imports/${importId}`, { token: adminToken });
      expect(queued).toMatchObject({
        status: 200,
        body: { status: 'queued', processed: 0, errors: [] },
      });

      // The worker's side, run here directly: the relay would deliver the event as this job.
      const worker = await organizationsModule();
      await worker
        .get(ImportStaffJob)
        .run({ importId }, jobContext())
        .finally(() => worker.close());
      const done = await call('GET', `/api/v1/admin/imports/${importId}`, { token: adminToken });
      expect(done.body).toMatchObject({
        status: 'completed',
        total: 1,
        processed: 1,
        created: 1,
        updated: 0,
        failed: 0,
        errors: [],
      });
    });

    it('accepts the multipart field "file"', async () => {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'nhan-su.csv');
      const accepted = await call('POST', '/api/v1/admin/imports/staff', {
        token: adminToken,
        body: form,
      });
      expect(accepted).toMatchObject({
        status: 202,
        body: { importId: expect.any(String) as unknown },
      });
    });

    it('refuses files over IMPORT_MAX_BYTES with 413, and other media types with 415', async () => {
      const big = csv + 'x'.repeat(5_000);
      const asBody = await call('POST', '/api/v1/admin/imports/staff', {
        token: adminToken,
        body: big,
        headers: { 'content-type': 'text/csv' },
      });
      expect(asBody.status).toBe(413);
      const form = new FormData();
      form.append('file', new Blob([big], { type: 'text/csv' }), 'big.csv');
      expect(
        (await call('POST', '/api/v1/admin/imports/staff', { token: adminToken, body: form }))
          .status,
      ).toBe(413);
      const json = await call('POST', '/api/v1/admin/imports/staff', {
        token: adminToken,
        json: { csv },
      });
      expect(json.status).toBe(415);
    });

    it('keeps the 1 MB JSON limit on other routes', async () => {
      const response = await call('POST', '/api/v1/org-units', {
        token: adminToken,
        json: { code: 'BIG', name: 'x'.repeat(1_100_000) },
      });
      expect(response.status).toBe(413);
    });

    it('lets only admins and org managers import, and only the importer read the report', async () => {
      const learner = await userWith('hoc.vien@example.vn', {
        role: 'learner',
        scopeType: null,
        scopeId: null,
      });
      const refused = await call('POST', '/api/v1/admin/imports/staff', {
        token: learner,
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(refused.status).toBe(403);
      const accepted = await call('POST', '/api/v1/admin/imports/staff', {
        token: adminToken,
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      const manager = await userWith('quan.ly@bnv.gov.vn', {
        role: 'org_manager',
        scopeType: 'org_unit',
        scopeId: String(
          (
            await dataSource.query<{ id: string }[]>("SELECT id FROM org_units WHERE code = 'NHAP'")
          )[0]!.id,
        ),
      });
      const report = await call('GET', `/api/v1/admin/imports/${String(accepted.body.importId)}`, {
        token: manager,
      });
      expect(report.status).toBe(404);
    });
  });
});
