import { newId } from '@lifelong/common';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { adminSession } from '../support/admin-session';

// Two export connections, and a download that reads nothing for 2 s is cut off.
const api = adminSession({ env: { EXPORT_POOL_SIZE: '2', EXPORT_STALL_SECONDS: '2' } });
let dataSource: DataSource;

beforeAll(() => {
  dataSource = api.app.get(DataSource);
});

/** A root unit with the given children (by name), inserted raw in multi-row statements. */
async function tree(names: readonly string[]): Promise<string> {
  const rootId = newId();
  const rootPath = `/${rootId}/`;
  await dataSource.query(
    'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES (?, ?, ?, NULL, ?, 1)',
    [rootId, `R-${rootId.slice(-10)}`, 'Bộ Thử', rootPath],
  );
  for (let start = 0; start < names.length; start += 5_000) {
    const rows = names.slice(start, start + 5_000).map((name, i) => {
      const id = newId();
      return [id, `D-${start + i}-${id.slice(-6)}`, name, rootId, `${rootPath}${id}/`, 2];
    });
    await dataSource.query(
      'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES ?',
      [rows],
    );
  }
  return rootId;
}

/** Starts a download whose client never reads the body (a stalled client). */
function stalledDownload(path: string): http.ClientRequest {
  const request = http.get(
    `${api.http.base}${path}`,
    { headers: { authorization: `Bearer ${api.adminToken}` } },
    (response) => response.pause(),
  );
  request.on('error', () => undefined); // destroyed at the end
  return request;
}

/** Milliseconds a request takes, or Infinity when it takes longer than `limit`. */
async function timed(path: string, limit = 8_000): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${api.http.base}${path}`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
      signal: AbortSignal.timeout(limit),
    });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: Infinity, status: 0 };
  }
}

describe('CSV exports', () => {
  it('writes formula-like unit names as text, not formulas', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1:A9)', '\tTab', 'Phòng Một'];
    const root = await tree(names);
    const response = await fetch(
      `${api.http.base}/api/v1/training/compliance.csv?orgUnitId=${root}`,
      { headers: { authorization: `Bearer ${api.adminToken}` } },
    );
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",2,`);
    expect(csv).toContain(",'+1,2,");
    expect(csv).toContain(",'-2,2,");
    expect(csv).toContain(",'@SUM(A1:A9),2,");
    expect(csv).toContain(",'\tTab,2,");
    expect(csv).toContain(',Phòng Một,2,');
    // No line holds a cell that starts a formula.
    for (const line of csv.trim().split('\n'))
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
  });

  it('keeps answering while ten downloads stall, and frees their connections after the limit', async () => {
    const root = await tree(Array.from({ length: 40_000 }, (_, i) => `Phòng số ${i} của Bộ Thử`));
    const path = `/api/v1/training/compliance.csv?orgUnitId=${root}`;
    const stalled = Array.from({ length: 10 }, () => stalledDownload(path));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the buffers fill
      // Requests that need the shared pool still answer (on a busy machine, allow a few seconds).
      for (const probe of ['/api/v1/courses', '/api/v1/me/assignments']) {
        const { ms, status } = await timed(probe);
        expect({ probe, status, answered: ms < 5_000 }).toEqual({
          probe,
          status: 200,
          answered: true,
        });
      }
      // Past the stall limit the stalled streams are cut and their connections come back.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const { ms, status } = await timed(path, 20_000);
      expect({ status, finished: ms < 20_000 }).toEqual({ status: 200, finished: true });
    } finally {
      for (const request of stalled) request.destroy();
    }
  }, 120_000);
});
