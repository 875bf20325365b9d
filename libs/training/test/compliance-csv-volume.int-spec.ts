import { ManualClock, newId } from '@lifelong/common';
import { ComplianceReport } from '@lifelong/training';
import type { TestingModule } from '@nestjs/testing';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DataSource } from 'typeorm';
import { platformAdmin, trainingModule } from './training-testing';

const UNITS = 100_000;
const MB = 1024 * 1024;

// Live heap after a full collection: what the stream retains, not garbage waiting to be collected.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const liveHeap = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

let moduleRef: TestingModule;
let dataSource: DataSource;

beforeAll(async () => {
  moduleRef = await trainingModule(new ManualClock('2026-12-01T08:00:00.000Z'));
  dataSource = moduleRef.get(DataSource);
});

afterAll(async () => {
  await moduleRef.close();
});

/** A root with `count` departments under it, inserted raw in multi-row statements. */
async function wideTree(count: number): Promise<string> {
  const rootId = newId();
  const rootPath = `/${rootId}/`;
  await dataSource.query(
    'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES (?, ?, ?, NULL, ?, 1)',
    [rootId, `ROOT-${rootId.slice(-8)}`, 'Bộ Thử tải', rootPath],
  );
  for (let start = 0; start < count; start += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => {
      const id = newId();
      return [id, `D-${start + i}`, `Phòng, "số" ${start + i}`, rootId, `${rootPath}${id}/`, 2];
    });
    await dataSource.query(
      'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES ?',
      [rows],
    );
  }
  return rootId;
}

describe('compliance CSV at volume', () => {
  it('streams 100,000 units with flat memory and well-formed rows', async () => {
    const rootId = await wideTree(UNITS);
    const admin = await platformAdmin(dataSource);
    const stream = await moduleRef.get(ComplianceReport).csv(admin, rootId);
    const before = liveHeap();
    let peak = before;
    let lines = 0;
    let tail = '';
    let sample = '';
    for await (const chunk of stream) {
      const text = tail + (chunk as Buffer).toString('utf8');
      const parts = text.split('\n');
      tail = parts.pop() ?? '';
      if (!sample && parts.length > 2) sample = parts[2]!;
      const next = lines + parts.length;
      if (Math.floor(next / 10_000) > Math.floor(lines / 10_000)) peak = Math.max(peak, liveHeap());
      lines = next;
    }
    expect(lines).toBe(UNITS + 2);
    expect(sample).toMatch(/^[0-9a-f-]{36},D-\d+,"Phòng, ""số"" \d+",2,0,0,0,0,0,0$/);
    // Holding the 100,000 rows (objects or text) retains about 60 MB or more.
    expect((peak - before) / MB).toBeLessThan(16);
  }, 120_000);
});
