import { AuditEntry, AuditLog, AuditModule } from '@lifelong/audit';
import { ManualClock, newId, runWithRequestContext } from '@lifelong/common';
import { OrganizationsModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { servicesModule } from '../../../test/support/services-module';
import { testConfig } from '../../../test/setup/test-env';

const clock = new ManualClock('2026-12-01T03:04:05.678Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let audit: AuditLog;

beforeAll(async () => {
  // Organizations binds where entries are placed (AuditPlaces), as in the api and worker.
  moduleRef = await servicesModule(testConfig(), clock, [OrganizationsModule, AuditModule]);
  dataSource = moduleRef.get(DataSource);
  audit = moduleRef.get(AuditLog);
});

afterAll(async () => {
  await moduleRef.close();
});

const CONTEXT = { requestId: 'req-audit-1', ip: '203.0.113.9', actorId: newId() };

/** A stand-in change the entry describes: a new account row. */
const insertUser = (manager: DataSource['manager'], id: string) =>
  manager.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES (?, ?, ?)', [
    id,
    `${id}@example.vn`,
    'Người thử',
  ]);

const entriesAbout = (subjectId: string) =>
  dataSource.getRepository(AuditEntry).findBy({ subjectId });

describe('AuditLog.record', () => {
  it('writes who, what, on whom, when and from where, with the change', async () => {
    const userId = newId();
    await runWithRequestContext(CONTEXT, () =>
      dataSource.transaction(async (manager) => {
        await insertUser(manager, userId);
        await audit.record(manager, {
          action: 'role.granted',
          subjectType: 'user',
          subjectId: userId,
          details: { role: 'learner' },
        });
      }),
    );
    expect(await entriesAbout(userId)).toEqual([
      expect.objectContaining({
        at: new Date('2026-12-01T03:04:05.678Z'),
        actorId: CONTEXT.actorId,
        action: 'role.granted',
        subjectType: 'user',
        subjectId: userId,
        ip: '203.0.113.9',
        requestId: 'req-audit-1',
        details: { role: 'learner' },
      }),
    ]);
  });

  it('leaves no entry when the change rolls back, and no change when the entry fails', async () => {
    const userId = newId();
    await expect(
      runWithRequestContext(CONTEXT, () =>
        dataSource.transaction(async (manager) => {
          await insertUser(manager, userId);
          await audit.record(manager, {
            action: 'role.granted',
            subjectType: 'user',
            subjectId: userId,
          });
          throw new Error('a later step of the change failed');
        }),
      ),
    ).rejects.toThrow('a later step');
    expect(await entriesAbout(userId)).toEqual([]);

    const other = newId();
    await expect(
      dataSource.transaction(async (manager) => {
        await insertUser(manager, other);
        // Longer than the column: the entry cannot be written, so the change must not stay.
        await audit.record(manager, {
          action: 'role.granted',
          subjectType: 'user',
          subjectId: 'x'.repeat(65),
        });
      }),
    ).rejects.toThrow();
    const [users] = await dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM `users` WHERE `id` = ?',
      [other],
    );
    expect(Number(users?.n)).toBe(0);
  });

  it('names the actor explicitly for work done on someone’s behalf (a job)', async () => {
    const subjectId = newId();
    const requester = newId();
    await dataSource.transaction((manager) =>
      audit.record(manager, {
        action: 'staff-import.finished',
        subjectType: 'staff_import',
        subjectId,
        actorId: requester,
      }),
    );
    expect(await entriesAbout(subjectId)).toEqual([
      expect.objectContaining({ actorId: requester, ip: null, requestId: null }),
    ]);
  });
});

describe('the audit_entries table', () => {
  it('refuses UPDATE and DELETE, whoever connects', async () => {
    const subjectId = newId();
    await dataSource.transaction((manager) =>
      audit.record(manager, { action: 'role.revoked', subjectType: 'user', subjectId }),
    );
    await expect(
      dataSource.query('UPDATE `audit_entries` SET `action` = ? WHERE `subject_id` = ?', [
        'role.granted',
        subjectId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      dataSource.query('DELETE FROM `audit_entries` WHERE `subject_id` = ?', [subjectId]),
    ).rejects.toThrow(/append-only/);
    expect(await entriesAbout(subjectId)).toEqual([
      expect.objectContaining({ action: 'role.revoked' }),
    ]);
  });
});
