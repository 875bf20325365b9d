import { execFileSync } from 'node:child_process';
import {
  createHash,
  createPrivateKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMultipart } from '@remix-run/multipart-parser';
import { CompactSign } from 'jose';
import { VOIDED_VERB } from '@lifelong/learning-records';
import { adminSession } from '../support/admin-session';
import { expectStatus } from '../support/e2e';
import type { components } from '../../apps/web/src/api/schema';
import { answered } from '../support/api-client';
import type { Json } from '../support/http-client';
import { peopleRegistry } from '../support/people';
import { answerProblems } from '../support/response-checks';

// issue 20, item 1: the xAPI 2.0 Learning Record Store over HTTP, with clients issued by the
// platform administrator (docs/xapi.md).

const api = adminSession();
const person = peopleRegistry(() => api.http, 'xapi');

interface Client {
  id: string;
  key: string;
  secret: string;
}

interface XapiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

const VERSION = { 'x-experience-api-version': '2.0.0' };
const basic = (client: Pick<Client, 'key' | 'secret'>): string =>
  `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`;

async function xapi(
  method: string,
  path: string,
  options: { client?: Client; body?: unknown; headers?: Record<string, string> } = {},
): Promise<XapiAnswer> {
  const headers: Record<string, string> = { ...VERSION, ...options.headers };
  if (options.client) headers.authorization = basic(options.client);
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.http.base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const answer = { status: response.status, headers: response.headers, text, body: {} as unknown };
  if (text) answer.body = JSON.parse(text) as unknown;
  // Every refusal is in the platform's error shape, and every answer names the version.
  expect(
    answerProblems({
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      method,
      path,
    }),
  ).toEqual([]);
  expect(response.headers.get('x-experience-api-version')).toBe('2.0.0');
  return answer;
}

const codeOf = (answer: XapiAnswer): unknown => (answer.body as Json).code;

type LrsScope = components['schemas']['IssueLrsClientBody']['scopes'][number];

async function issue(name: string, scopes: LrsScope[]): Promise<Client> {
  const { id, key, secret } = await expectStatus(
    answered(api.asAdmin.POST('/api/v1/admin/lrs-clients', { body: { name, scopes } })),
    201,
  );
  return { id, key, secret };
}

const agent = (name: string) => ({ objectType: 'Agent', mbox: `mailto:${name}@example.vn` });
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const ATTEMPTED = 'http://adlnet.gov/expapi/verbs/attempted';
const COURSE = 'https://lifelong.example/xapi/activities/course-1';
const LESSON = 'https://lifelong.example/xapi/activities/lesson-1';

const statement = (extra: Json = {}): Json => ({
  actor: agent('an'),
  verb: { id: COMPLETED, display: { 'vi-VN': 'đã hoàn thành' } },
  object: { id: COURSE, definition: { name: { 'vi-VN': 'Khoá học 1' } } },
  ...extra,
});

let writer: Client; // statements/write + statements/read/mine
let other: Client; // another vendor, same scopes
let reader: Client; // statements/read (all), cannot write
let writeOnly: Client;

beforeAll(async () => {
  writer = await issue('Nhà cung cấp A', ['statements/write', 'statements/read/mine']);
  other = await issue('Nhà cung cấp B', ['statements/write', 'statements/read/mine']);
  reader = await issue('Kho báo cáo', ['statements/read']);
  writeOnly = await issue('Chỉ ghi', ['statements/write']);
});

describe('LRS clients', () => {
  it('are issued by the platform administrator only, listed without secrets, and audited', async () => {
    const learner = await person();
    const refused = await api.http.post('/api/v1/admin/lrs-clients', {
      token: learner.token,
      body: { name: 'x', scopes: ['statements/read'] },
    });
    expect(refused.status).toBe(403);
    await expectStatus(
      api.http.post('/api/v1/admin/lrs-clients', {
        token: api.adminToken,
        body: { name: 'x', scopes: ['statements/everything'] },
      }),
      400,
    );
    const list = await expectStatus(
      api.http.get('/api/v1/admin/lrs-clients', { token: api.adminToken }),
      200,
    );
    const items = list.items as Json[];
    expect(items.map((item) => item.key)).toEqual(
      expect.arrayContaining([writer.key, other.key, reader.key]),
    );
    expect(JSON.stringify(list)).not.toContain(writer.secret);
    expect(items.find((item) => item.key === reader.key)?.scopes).toEqual(['statements/read']);
    const audit = await expectStatus(
      api.http.get(`/api/v1/admin/audit?subjectId=${writer.id}`, { token: api.adminToken }),
      200,
    );
    expect((audit.items as Json[]).map((entry) => entry.action)).toEqual(['lrs-client.issued']);
  });

  it('refuses missing, malformed, wrong, unknown and revoked credentials with 401', async () => {
    const revoked = await issue('Đã thu hồi', ['statements/read']);
    expect((await xapi('GET', '/xapi/statements', { client: revoked })).status).toBe(200);
    await expectStatus(
      api.http.post(`/api/v1/admin/lrs-clients/${revoked.id}/revoke`, { token: api.adminToken }),
      200,
    );
    const none = await xapi('GET', '/xapi/statements');
    expect([none.status, codeOf(none)]).toEqual([401, 'XAPI_CREDENTIALS_MISSING']);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="xapi"');
    for (const authorization of [
      'Basic !!!',
      `Bearer ${api.adminToken}`,
      basic({ key: writer.key, secret: 'wrong' }),
      basic({ key: 'lrs_unknown', secret: writer.secret }),
      basic(revoked),
    ]) {
      const answer = await xapi('GET', '/xapi/statements', { headers: { authorization } });
      expect([authorization, answer.status]).toEqual([authorization, 401]);
    }
    await expectStatus(
      api.http.post(`/api/v1/admin/lrs-clients/${randomUUID()}/revoke`, { token: api.adminToken }),
      404,
    );
  });
});

describe('the version header', () => {
  it('is required and must name 2.0 on every resource but about', async () => {
    const about = await fetch(`${api.http.base}/xapi/about`);
    expect(about.status).toBe(200);
    expect(about.headers.get('x-experience-api-version')).toBe('2.0.0');
    expect(await about.json()).toEqual({ version: ['2.0.0'], extensions: {} });
    const missing = await xapi('GET', '/xapi/statements', {
      client: writer,
      headers: { 'x-experience-api-version': '' },
    });
    expect(missing.status).toBe(400);
    for (const version of ['0.95', '3.0.0', '2.0.0; drop table', '1.0.3']) {
      const answer = await xapi('POST', '/xapi/statements', {
        client: writer,
        body: statement(),
        headers: { 'x-experience-api-version': version },
      });
      expect([version, answer.status, codeOf(answer)]).toEqual([
        version,
        400,
        'XAPI_VERSION_UNSUPPORTED',
      ]);
    }
    const absent = await fetch(`${api.http.base}/xapi/statements`, {
      headers: { authorization: basic(writer) },
    });
    expect(absent.status).toBe(400);
    expect(((await absent.json()) as Json).code).toBe('XAPI_VERSION_MISSING');
  });
});

describe('statements', () => {
  it('stores one by PUT, completes it, and answers the same content again with 204', async () => {
    const id = randomUUID();
    const sent = statement({ id, timestamp: '2026-12-07T09:00:00+07:00' });
    const put = await xapi('PUT', `/xapi/statements?statementId=${id}`, {
      client: writer,
      body: sent,
    });
    expect(put.status).toBe(204);
    const read = await xapi('GET', `/xapi/statements?statementId=${id}`, { client: writer });
    expect(read.status).toBe(200);
    const stored = read.body as Json;
    expect(stored).toMatchObject({ ...sent, version: '2.0.0' });
    expect(stored.authority).toMatchObject({ objectType: 'Agent', account: { name: writer.key } });
    expect(typeof stored.stored).toBe('string');
    expect(read.headers.get('x-experience-api-consistent-through')).toMatch(/^\d{4}-/);
    expect(read.headers.get('last-modified')).toBe(new Date(stored.stored as string).toUTCString());
    // The same statement again, even with its keys in another order: nothing changes.
    const again = await xapi('PUT', `/xapi/statements?statementId=${id}`, {
      client: writer,
      body: { object: sent.object, verb: sent.verb, actor: sent.actor, timestamp: sent.timestamp },
    });
    expect(again.status).toBe(204);
    const conflict = await xapi('PUT', `/xapi/statements?statementId=${id}`, {
      client: writer,
      body: { ...sent, verb: { id: ATTEMPTED } },
    });
    expect([conflict.status, codeOf(conflict)]).toEqual([409, 'STATEMENT_CONFLICT']);
    const conflictByPost = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: [statement(), { ...sent, result: { completion: true } }],
    });
    expect(conflictByPost.status).toBe(409);
    const unchanged = await xapi('GET', `/xapi/statements?statementId=${id}`, { client: writer });
    expect(unchanged.body).toEqual(stored);
    const mismatch = await xapi('PUT', `/xapi/statements?statementId=${randomUUID()}`, {
      client: writer,
      body: sent,
    });
    expect(mismatch.status).toBe(400);
  });

  // Found by ADL's conformance suite (docs/xapi.md).
  it('stores a single context activity as a list, in a SubStatement too', async () => {
    const context = { contextActivities: { parent: { id: COURSE }, grouping: [{ id: LESSON }] } };
    const id = randomUUID();
    const sent = statement({
      id,
      context,
      object: { objectType: 'SubStatement', ...statement({ context }) },
    });
    expect((await xapi('POST', '/xapi/statements', { client: writer, body: sent })).status).toBe(
      200,
    );
    const read = await xapi('GET', `/xapi/statements?statementId=${id}`, { client: writer });
    const lists = { parent: [{ id: COURSE }], grouping: [{ id: LESSON }] };
    expect((read.body as Json).context).toEqual({ contextActivities: lists });
    expect(((read.body as Json).object as Json).context).toEqual({ contextActivities: lists });
  });

  it('names the consistent-through time on refused and missing statement reads too', async () => {
    for (const [path, status] of [
      [`/xapi/statements?statementId=${randomUUID()}&verb=${encodeURIComponent(COMPLETED)}`, 400],
      [`/xapi/statements?statementId=${randomUUID()}`, 404],
    ] as const) {
      const answer = await xapi('GET', path, { client: writer });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('x-experience-api-consistent-through')).toMatch(/^\d{4}-/);
    }
  });

  it('refuses statements that break the xAPI rules', async () => {
    const bad: [string, Json][] = [
      ['an unknown property', statement({ mood: 'happy' })],
      ['a malformed IRI', statement({ verb: { id: 'completed' } })],
      ['an IRI with a space', statement({ object: { id: 'https://x.vn/a b' } })],
      ['two identifiers', statement({ actor: { mbox: 'mailto:a@b.vn', openid: 'https://a.vn' } })],
      ['no identifier', statement({ actor: { name: 'Ai đó' } })],
      ['a score out of range', statement({ result: { score: { scaled: 2 } } })],
      ['a timestamp without a zone', statement({ timestamp: '2026-12-07T09:00:00' })],
      ['an id that is not a UUID', statement({ id: '12345' })],
    ];
    for (const [what, body] of bad) {
      const answer = await xapi('POST', '/xapi/statements', { client: writer, body });
      expect([what, answer.status, codeOf(answer)]).toEqual([what, 400, 'INVALID_STATEMENT']);
    }
    const empty = await xapi('POST', '/xapi/statements', { client: writer, body: [] });
    expect(empty.status).toBe(400);
    const twice = randomUUID();
    const duplicate = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: [statement({ id: twice }), statement({ id: twice })],
    });
    expect(duplicate.status).toBe(400);
    const readOnly = await xapi('POST', '/xapi/statements', { client: reader, body: statement() });
    expect([readOnly.status, codeOf(readOnly)]).toEqual([403, 'XAPI_SCOPE_MISSING']);
    const blind = await xapi('GET', '/xapi/statements', { client: writeOnly });
    expect(blind.status).toBe(403);
    const unknownParameter = await xapi('GET', '/xapi/statements?colour=red', { client: writer });
    expect(unknownParameter.status).toBe(400);
  });

  it('voids a statement, hides it from queries, and never voids a voiding statement', async () => {
    const [target] = (
      await xapi('POST', '/xapi/statements', {
        client: writer,
        body: statement({ verb: { id: 'https://lifelong.example/verbs/mistake' } }),
      })
    ).body as string[];
    const voidingId = randomUUID();
    const voiding = await xapi('PUT', `/xapi/statements?statementId=${voidingId}`, {
      client: writer,
      body: {
        actor: agent('admin'),
        verb: { id: VOIDED_VERB },
        object: { objectType: 'StatementRef', id: target },
      },
    });
    expect(voiding.status).toBe(204);
    expect(
      (await xapi('GET', `/xapi/statements?statementId=${target}`, { client: writer })).status,
    ).toBe(404);
    const voided = await xapi('GET', `/xapi/statements?voidedStatementId=${target}`, {
      client: writer,
    });
    expect([voided.status, (voided.body as Json).id]).toEqual([200, target]);
    expect(
      (await xapi('GET', `/xapi/statements?voidedStatementId=${voidingId}`, { client: writer }))
        .status,
    ).toBe(404);
    const listed = await xapi(
      'GET',
      `/xapi/statements?verb=${encodeURIComponent('https://lifelong.example/verbs/mistake')}`,
      { client: writer },
    );
    // The voided statement is left out; the voiding one, which targets a match, is in.
    expect(((listed.body as Json).statements as Json[]).map((item) => item.id)).toEqual([
      voidingId,
    ]);
    const voidTheVoid = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: {
        actor: agent('admin'),
        verb: { id: VOIDED_VERB },
        object: { objectType: 'StatementRef', id: voidingId },
      },
    });
    expect([voidTheVoid.status, codeOf(voidTheVoid)]).toEqual([400, 'VOIDING_TARGET_INVALID']);
    const notARef = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: { actor: agent('admin'), verb: { id: VOIDED_VERB }, object: { id: COURSE } },
    });
    expect(notARef.status).toBe(400);
    // Another vendor's statement is out of a read/mine client's reach, so out of its voiding.
    const [othersStatement] = (
      await xapi('POST', '/xapi/statements', { client: other, body: statement() })
    ).body as string[];
    const foreign = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: {
        actor: agent('admin'),
        verb: { id: VOIDED_VERB },
        object: { objectType: 'StatementRef', id: othersStatement },
      },
    });
    expect(foreign.status).toBe(403);
  });
});

describe('statements that target others', () => {
  it('match a query when the statement they target does, voided or not; time bounds are their own', async () => {
    const DISCUSSED = 'https://lifelong.example/verbs/discussed';
    const COMMENTED = 'https://lifelong.example/verbs/commented-on';
    const [original, unrelated] = (
      await xapi('POST', '/xapi/statements', {
        client: writer,
        body: [
          statement({ verb: { id: DISCUSSED } }),
          statement({ verb: { id: COMMENTED }, object: { id: LESSON } }),
        ],
      })
    ).body as string[];
    const betweenTimes = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [comment, voiding] = (
      await xapi('POST', '/xapi/statements', {
        client: writer,
        body: [
          statement({
            actor: agent('binh'),
            verb: { id: COMMENTED },
            object: { objectType: 'StatementRef', id: original },
          }),
          {
            actor: agent('admin'),
            verb: { id: VOIDED_VERB },
            object: { objectType: 'StatementRef', id: original },
          },
        ],
      })
    ).body as string[];
    const ids = async (query: string): Promise<unknown[]> => {
      const page = (await xapi('GET', `/xapi/statements?${query}`, { client: writer })).body;
      return ((page as Json).statements as Json[]).map((item) => item.id);
    };
    const discussed = `verb=${encodeURIComponent(DISCUSSED)}`;
    expect(await ids(discussed)).toEqual([voiding, comment]);
    expect(await ids(`${discussed}&ascending=true`)).toEqual([comment, voiding]);
    // The referring statement's own time decides since and until.
    expect(await ids(`${discussed}&until=${encodeURIComponent(betweenTimes)}`)).toEqual([]);
    expect(await ids(`${discussed}&since=${encodeURIComponent(betweenTimes)}`)).toEqual([
      voiding,
      comment,
    ]);
    // Paging goes through both kinds of match.
    const first = (await xapi('GET', `/xapi/statements?${discussed}&limit=1`, { client: writer }))
      .body as Json;
    expect((first.statements as Json[]).map((item) => item.id)).toEqual([voiding]);
    const next = (await xapi('GET', first.more as string, { client: writer })).body as Json;
    expect((next.statements as Json[]).map((item) => item.id)).toEqual([comment]);
    // An agent filter: the comment's target names Ân, so the comment matches Ân too.
    const an = `agent=${encodeURIComponent(JSON.stringify(agent('an')))}&verb=${encodeURIComponent(COMMENTED)}`;
    expect(await ids(an)).toEqual(expect.arrayContaining([unrelated]));
    expect(await ids(an)).not.toContain(comment);
  });
});

describe('attachments', () => {
  const PICTURE = 'https://lifelong.example/xapi/attachment-usage/certificate-photo';
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3]);
  const sha256 = (bytes: Buffer | string): string =>
    createHash('sha256').update(bytes).digest('hex');
  const described = (content: Buffer, extra: Json = {}): Json => ({
    usageType: PICTURE,
    display: { 'vi-VN': 'Ảnh chứng chỉ' },
    contentType: 'image/jpeg',
    length: content.length,
    sha2: sha256(content),
    ...extra,
  });
  interface Part {
    headers: Record<string, string>;
    content: Buffer;
  }
  const part = (content: Buffer, headers: Record<string, string> = {}): Part => ({
    headers: {
      'Content-Type': 'image/jpeg',
      'Content-Transfer-Encoding': 'binary',
      'X-Experience-API-Hash': sha256(content),
      ...headers,
    },
    content,
  });

  /** A statement request as multipart/mixed: the JSON first, then the parts as given. */
  async function sendMultipart(
    body: unknown,
    parts: Part[],
    options: { method?: string; path?: string; firstType?: string; preamble?: string } = {},
  ): Promise<{ status: number; body: Json; headers: Headers }> {
    const boundary = `b${randomUUID().replace(/-/g, '')}`;
    const chunks: Buffer[] = [
      Buffer.from(
        `${options.preamble ?? ''}--${boundary}\r\n` +
          `Content-Type: ${options.firstType ?? 'application/json'}\r\n\r\n` +
          `${JSON.stringify(body)}\r\n`,
      ),
    ];
    for (const { headers, content } of parts) {
      const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      chunks.push(Buffer.from(`--${boundary}\r\n${head.join('')}\r\n`));
      chunks.push(Buffer.from(content), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await fetch(`${api.http.base}${options.path ?? '/xapi/statements'}`, {
      method: options.method ?? 'POST',
      headers: {
        ...VERSION,
        authorization: basic(writer),
        'content-type': `multipart/mixed; boundary=${boundary}`,
      },
      body: Buffer.concat(chunks),
    });
    const text = await response.text();
    expect(response.headers.get('x-experience-api-version')).toBe('2.0.0');
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : {}) as Json,
      headers: response.headers,
    };
  }

  /** GET with attachments=true, taken apart: the JSON and each content part by its hash. */
  async function readWithContents(query: string): Promise<{ json: Json; parts: Part[] }> {
    const response = await fetch(`${api.http.base}/xapi/statements?${query}&attachments=true`, {
      headers: { ...VERSION, authorization: basic(writer) },
    });
    expect(response.status).toBe(200);
    const boundary = /boundary=(\w+)/.exec(response.headers.get('content-type') ?? '')?.[1];
    const [first, ...rest] = [
      ...parseMultipart(new Uint8Array(await response.arrayBuffer()), { boundary: boundary! }),
    ];
    expect(first?.headers['content-type']).toBe('application/json');
    return {
      json: JSON.parse(Buffer.from(first!.bytes).toString('utf8')) as Json,
      parts: rest.map((item) => ({
        headers: {
          'Content-Type': item.headers['content-type'] ?? '',
          'Content-Transfer-Encoding': item.headers['content-transfer-encoding'] ?? '',
          'X-Experience-API-Hash': item.headers['x-experience-api-hash'] ?? '',
        },
        content: Buffer.from(item.bytes),
      })),
    };
  }

  it('stores contents sent as parts and answers them with attachments=true', async () => {
    const id = randomUUID();
    const stored = await sendMultipart(
      statement({ id, attachments: [described(photo)] }),
      [part(photo)],
      { method: 'PUT', path: `/xapi/statements?statementId=${id}` },
    );
    expect(stored.status).toBe(204);
    const { json, parts } = await readWithContents(`statementId=${id}`);
    expect(json.id).toBe(id);
    expect(parts).toEqual([part(photo)]);
    // A query answers each content its statements name, once.
    const note = Buffer.from('Biên bản kiểm tra cuối khoá', 'utf8');
    const posted = await sendMultipart(
      [
        statement({ attachments: [described(photo)] }),
        statement({
          attachments: [described(note, { contentType: 'text/plain' }), described(photo)],
        }),
      ],
      [part(photo), part(note, { 'Content-Type': 'text/plain; charset=utf-8' })],
    );
    expect(posted.status).toBe(200);
    const page = await readWithContents('limit=2');
    expect((page.json.statements as Json[]).map((item) => item.id)).toEqual(
      [...(posted.body as unknown as string[])].reverse(),
    );
    expect(page.parts.map((item) => item.headers['X-Experience-API-Hash']).sort()).toEqual(
      [sha256(photo), sha256(note)].sort(),
    );
    expect(page.parts.find((item) => item.content.equals(note))?.headers['Content-Type']).toBe(
      'text/plain; charset=utf-8',
    );
  });

  it('takes multipart/mixed without contents, and a fileUrl attachment as JSON', async () => {
    expect((await sendMultipart(statement(), [])).status).toBe(200);
    // A preamble before the first delimiter is ignored, as RFC 2046 says.
    const withPreamble = await sendMultipart(
      statement({ attachments: [described(photo)] }),
      [part(photo)],
      { preamble: '\r\n' },
    );
    expect(withPreamble.status).toBe(200);
    const linked = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: statement({ attachments: [described(photo, { fileUrl: 'https://x.vn/a.jpg' })] }),
    });
    expect(linked.status).toBe(200);
  });

  it('refuses contents that do not match the statements, and a body over the limit with 413', async () => {
    const cases: [string, Promise<{ status: number; body: Json }>][] = [
      ['missing part', sendMultipart(statement({ attachments: [described(photo)] }), [])],
      [
        'excess part',
        sendMultipart(statement({ attachments: [described(photo)] }), [
          part(photo),
          part(Buffer.from('extra')),
        ]),
      ],
      [
        'no hash header',
        sendMultipart(statement({ attachments: [described(photo)] }), [
          {
            headers: { 'Content-Type': 'image/jpeg', 'Content-Transfer-Encoding': 'binary' },
            content: photo,
          },
        ]),
      ],
      [
        'hash of other bytes',
        sendMultipart(statement({ attachments: [described(photo)] }), [
          part(photo, { 'X-Experience-API-Hash': sha256('something else') }),
        ]),
      ],
      [
        'base64 transfer encoding',
        sendMultipart(statement({ attachments: [described(photo)] }), [
          part(photo, { 'Content-Transfer-Encoding': 'base64' }),
        ]),
      ],
      [
        'first part not JSON',
        sendMultipart(statement({ attachments: [described(photo)] }), [part(photo)], {
          firstType: 'text/plain',
        }),
      ],
    ];
    for (const [name, answer] of cases)
      expect([name, (await answer).status, (await answer).body.code]).toEqual([
        name,
        400,
        'ATTACHMENT_INVALID',
      ]);
    const asJson = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: statement({ attachments: [described(photo)] }),
    });
    expect([asJson.status, codeOf(asJson)]).toEqual([400, 'ATTACHMENT_INVALID']);
    const huge = Buffer.alloc(50 * 1024 * 1024, 7);
    const tooLarge = await sendMultipart(statement({ attachments: [described(huge)] }), [
      part(huge),
    ]);
    expect(tooLarge.status).toBe(413);
    const bigJson = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: statement({
        result: { extensions: { 'https://lifelong.example/x/blob': 'x'.repeat(2_000_000) } },
      }),
    });
    expect(bigJson.status).toBe(413);
  });

  describe('signed statements', () => {
    const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

    async function signed(
      unsignedStatement: Json,
      options: { alg?: string; payload?: Json; x5c?: string[]; key?: KeyObject } = {},
    ) {
      const alg = options.alg ?? 'RS256';
      const key = alg.startsWith('HS')
        ? createSecretKey(Buffer.alloc(32, 1))
        : (options.key ?? privateKey);
      const jws = await new CompactSign(
        Buffer.from(JSON.stringify(options.payload ?? unsignedStatement)),
      )
        .setProtectedHeader({ alg, ...(options.x5c ? { x5c: options.x5c } : {}) })
        .sign(key);
      const signature = Buffer.from(jws);
      return sendMultipart(
        {
          ...unsignedStatement,
          attachments: [
            described(signature, { usageType: SIGNATURE, contentType: 'application/octet-stream' }),
          ],
        },
        [part(signature, { 'Content-Type': 'application/octet-stream' })],
      );
    }

    it('takes a JWS over the statement with RS256, RS384 or RS512, and keeps it', async () => {
      for (const alg of ['RS256', 'RS384', 'RS512']) {
        const id = randomUUID();
        const answer = await signed(statement({ id }), { alg });
        expect([alg, answer.status]).toEqual([alg, 200]);
        const { parts } = await readWithContents(`statementId=${id}`);
        expect(parts).toHaveLength(1);
        expect(parts[0]?.content.toString('ascii').split('.')).toHaveLength(3);
      }
    });

    it('refuses another algorithm, a broken JWS, and a payload that is not the statement', async () => {
      const unsigned = statement({ id: randomUUID() });
      const refusals = [
        await signed(unsigned, { alg: 'HS256' }),
        await signed(unsigned, { payload: { ...unsigned, verb: { id: ATTEMPTED } } }),
        await sendMultipart(
          {
            ...unsigned,
            attachments: [
              described(Buffer.from('not.a-jws'), {
                usageType: SIGNATURE,
                contentType: 'application/octet-stream',
              }),
            ],
          },
          [part(Buffer.from('not.a-jws'), { 'Content-Type': 'application/octet-stream' })],
        ),
      ];
      for (const refusal of refusals)
        expect([refusal.status, refusal.body.code]).toEqual([400, 'ATTACHMENT_INVALID']);
      const wrongType = await sendMultipart(
        {
          ...unsigned,
          attachments: [described(photo, { usageType: SIGNATURE, contentType: 'text/plain' })],
        },
        [part(photo)],
      );
      expect(wrongType.status).toBe(400);
    });

    it('verifies the signature with the certificate the JWS header carries', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'lifelong-signer-'));
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '1',
            '-subj',
            '/CN=So Giao duc',
            '-keyout',
            join(folder, 'key.pem'),
            '-out',
            join(folder, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
        const certificate = readFileSync(join(folder, 'cert.pem'), 'utf8')
          .replace(/-----[A-Z ]+-----/g, '')
          .replace(/\s+/g, '');
        const signerKey = createPrivateKey(readFileSync(join(folder, 'key.pem')));
        const good = await signed(statement({ id: randomUUID() }), {
          key: signerKey,
          x5c: [certificate],
        });
        expect(good.status).toBe(200);
        // Signed with another key than the certificate's: refused.
        const forged = await signed(statement({ id: randomUUID() }), { x5c: [certificate] });
        expect([forged.status, forged.body.code]).toEqual([400, 'ATTACHMENT_INVALID']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});

describe('statement queries', () => {
  const registration = randomUUID();
  const ids: Record<string, string> = {};
  let before = '';
  let after = '';

  beforeAll(async () => {
    const send = async (name: string, body: Json, client = writer) => {
      const answer = await xapi('POST', '/xapi/statements', { client, body });
      expect(answer.status).toBe(200);
      ids[name] = (answer.body as string[])[0] ?? '';
    };
    before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await send('binh', statement({ actor: agent('binh'), verb: { id: ATTEMPTED } }));
    await send(
      'lesson',
      statement({
        actor: agent('chi'),
        object: { id: LESSON },
        context: {
          registration,
          instructor: agent('thay-dung'),
          contextActivities: { parent: [{ id: COURSE }] },
        },
      }),
    );
    await send(
      'about-binh',
      statement({ actor: agent('chi'), verb: { id: ATTEMPTED }, object: agent('binh') }),
    );
    await send('others', statement({ actor: agent('binh'), verb: { id: ATTEMPTED } }), other);
    await new Promise((resolve) => setTimeout(resolve, 20));
    after = new Date().toISOString();
  });

  const query = async (parameters: Record<string, string>, client = writer) => {
    const answer = await xapi(
      'GET',
      `/xapi/statements?${new URLSearchParams(parameters).toString()}`,
      {
        client,
      },
    );
    expect([answer.status, answer.text.slice(0, 200)]).toEqual([200, expect.any(String)]);
    expect(answer.headers.get('x-experience-api-consistent-through')).toMatch(/^\d{4}-/);
    const result = answer.body as { statements: Json[]; more: string };
    return result.statements.map((item) => item.id as string);
  };

  it('filters by agent (as actor or object), verb, activity and registration', async () => {
    const since = { since: before };
    expect(await query({ ...since, agent: JSON.stringify(agent('binh')) })).toEqual([
      ids['about-binh'],
      ids.binh,
    ]);
    expect(await query({ ...since, verb: ATTEMPTED })).toEqual([ids['about-binh'], ids.binh]);
    expect(await query({ ...since, activity: LESSON })).toEqual([ids.lesson]);
    expect(await query({ registration })).toEqual([ids.lesson]);
    expect(await query({ ...since, activity: COURSE })).toEqual([ids.binh]);
  });

  it('widens with related_activities and related_agents', async () => {
    const since = { since: before };
    expect(await query({ ...since, activity: COURSE, related_activities: 'true' })).toEqual([
      ids.lesson,
      ids.binh,
    ]);
    expect(await query({ ...since, agent: JSON.stringify(agent('thay-dung')) })).toEqual([]);
    expect(
      await query({ ...since, agent: JSON.stringify(agent('thay-dung')), related_agents: 'true' }),
    ).toEqual([ids.lesson]);
  });

  it('bounds by since and until, orders, and answers an empty page for a future since', async () => {
    expect(await query({ since: before, until: after, ascending: 'true' })).toEqual([
      ids.binh,
      ids.lesson,
      ids['about-binh'],
    ]);
    expect(await query({ until: before, verb: ATTEMPTED })).toEqual([]);
    expect(await query({ since: '2100-01-01T00:00:00Z' })).toEqual([]);
    const refused: Record<string, string>[] = [
      { since: 'yesterday' },
      { agent: '{"name":"nobody"}' },
      { verb: 'not an iri' },
      { registration: 'x' },
      { limit: '-1' },
      { format: 'pretty' },
      { statementId: randomUUID(), verb: ATTEMPTED },
    ];
    for (const bad of refused) {
      const answer = await xapi('GET', `/xapi/statements?${new URLSearchParams(bad).toString()}`, {
        client: writer,
      });
      expect([bad, answer.status]).toEqual([bad, 400]);
    }
  });

  it('pages with more until the last page', async () => {
    const seen: string[] = [];
    let next = `/xapi/statements?${new URLSearchParams({ since: before, limit: '2' }).toString()}`;
    for (let pages = 0; next; pages += 1) {
      expect(pages).toBeLessThan(5);
      const answer = await xapi('GET', next, { client: writer });
      const result = answer.body as { statements: Json[]; more: string };
      expect(result.statements.length).toBeLessThanOrEqual(2);
      seen.push(...result.statements.map((item) => item.id as string));
      next = result.more;
    }
    expect(seen).toEqual([ids['about-binh'], ids.lesson, ids.binh]);
    const firstPage = await xapi(
      'GET',
      `/xapi/statements?since=${encodeURIComponent(before)}&limit=1`,
      {
        client: writer,
      },
    );
    const more = (firstPage.body as { more: string }).more;
    const stolen = await xapi('GET', more, { client: other });
    expect(stolen.status).toBe(400);
    const tampered = await xapi('GET', '/xapi/statements?more=eyJub3QiOiJhIGN1cnNvciJ9', {
      client: writer,
    });
    expect(tampered.status).toBe(400);
  });

  it("keeps a read/mine client out of another client's statements; read sees all", async () => {
    const since = { since: before };
    expect(await query({ ...since, verb: ATTEMPTED }, other)).toEqual([ids.others]);
    const byId = await xapi('GET', `/xapi/statements?statementId=${ids.binh}`, { client: other });
    expect(byId.status).toBe(404);
    expect(await query({ ...since, verb: ATTEMPTED }, reader)).toEqual([
      ids.others,
      ids['about-binh'],
      ids.binh,
    ]);
  });

  it('reduces agents, verbs and activities to their identifiers with format=ids', async () => {
    const answer = await xapi('GET', `/xapi/statements?statementId=${ids.binh}&format=ids`, {
      client: writer,
    });
    const reduced = answer.body as Json;
    expect(reduced.actor).toEqual(agent('binh'));
    expect(reduced.verb).toEqual({ id: ATTEMPTED });
    // An Activity keeps its id only (ADL's conformance suite counts the keys).
    expect(reduced.object).toEqual({ id: COURSE });
  });

  it('answers attachments=true as multipart/mixed with the statements as the only part', async () => {
    const raw = async (query: string) => {
      const response = await fetch(`${api.http.base}/xapi/statements?${query}`, {
        headers: { ...VERSION, authorization: basic(writer) },
      });
      return { response, text: await response.text() };
    };
    const plain = await xapi('GET', `/xapi/statements?statementId=${ids.binh}`, { client: writer });
    for (const query of [`statementId=${ids.binh}&attachments=true`, 'attachments=true&limit=1']) {
      const { response, text } = await raw(query);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-experience-api-consistent-through')).toMatch(/^\d{4}-/);
      const boundary = /^multipart\/mixed; boundary=(\w+)$/.exec(
        response.headers.get('content-type') ?? '',
      )?.[1];
      expect(boundary).toBeDefined();
      const parts = text.split(`--${boundary}`);
      expect(
        parts.map((part) => part.trim()).filter((part) => part !== '--' && part !== ''),
      ).toHaveLength(1);
      const [head, body] = (parts[1] ?? '').split('\r\n\r\n');
      expect(head?.trim()).toBe('Content-Type: application/json');
      const json = JSON.parse(body ?? '') as Json;
      if (query.startsWith('statementId')) expect(json).toEqual(plain.body);
      else expect(Array.isArray(json.statements)).toBe(true);
    }
    const bad = await xapi('GET', '/xapi/statements?attachments=yes', { client: writer });
    expect(bad.status).toBe(400);
  });

  it('keeps one language per language map with format=canonical, as Accept-Language asks', async () => {
    const id = randomUUID();
    const display = { 'vi-VN': 'đã hoàn thành', 'en-US': 'completed', 'en-GB': 'completed' };
    const name = { 'vi-VN': 'Khoá học 1', 'en-GB': 'Course 1' };
    const body = statement({
      id,
      verb: { id: COMPLETED, display },
      object: { id: COURSE, definition: { name, extensions: { 'https://x.vn/e': { name } } } },
    });
    expect((await xapi('POST', '/xapi/statements', { client: writer, body })).status).toBe(200);
    const read = async (headers: Record<string, string> = {}) =>
      (
        await xapi('GET', `/xapi/statements?statementId=${id}&format=canonical`, {
          client: writer,
          headers,
        })
      ).body as Json;
    const first = await read();
    expect((first.verb as Json).display).toEqual({ 'vi-VN': 'đã hoàn thành' });
    const english = await read({ 'accept-language': 'fr;q=0.9, en-GB, *;q=0.1' });
    expect((english.verb as Json).display).toEqual({ 'en-GB': 'completed' });
    const definition = (english.object as Json).definition as Json;
    expect(definition.name).toEqual({ 'en-GB': 'Course 1' });
    // Extensions belong to their owners: left as sent.
    expect(definition.extensions).toEqual({ 'https://x.vn/e': { name } });
    const primary = await read({ 'accept-language': 'en' });
    expect((primary.verb as Json).display).toEqual({ 'en-US': 'completed' });
  });
});

describe('activities and agents', () => {
  it('answers an Activity with the definitions of the statements that name it merged', async () => {
    const activityId = `https://lifelong.example/xapi/activities/${randomUUID()}`;
    const named = (definition: Json) =>
      statement({ object: { id: activityId, definition: { type: LESSON, ...definition } } });
    await xapi('POST', '/xapi/statements', {
      client: writer,
      body: [
        named({ name: { 'vi-VN': 'Bài 1' }, description: { 'vi-VN': 'Mở đầu' } }),
        statement({ context: { contextActivities: { parent: [{ id: activityId }] } } }),
      ],
    });
    await xapi('POST', '/xapi/statements', {
      client: writer,
      body: named({ name: { 'en-GB': 'Lesson 1' } }),
    });
    const path = `/xapi/activities?${new URLSearchParams({ activityId }).toString()}`;
    const answer = await xapi('GET', path, { client: writer });
    expect([answer.status, answer.body]).toEqual([
      200,
      {
        objectType: 'Activity',
        id: activityId,
        definition: {
          type: LESSON,
          name: { 'vi-VN': 'Bài 1', 'en-GB': 'Lesson 1' },
          description: { 'vi-VN': 'Mở đầu' },
        },
      },
    ]);
    // A read/mine client sees only what its own statements say; an unknown activity is its id.
    const unknown = `https://lifelong.example/xapi/activities/${randomUUID()}`;
    for (const [client, id] of [
      [other, activityId],
      [writer, unknown],
    ] as const) {
      const bare = await xapi('GET', `/xapi/activities?activityId=${encodeURIComponent(id)}`, {
        client,
      });
      expect([bare.status, bare.body]).toEqual([200, { objectType: 'Activity', id }]);
    }
    for (const bad of ['/xapi/activities', '/xapi/activities?activityId=not-an-iri'])
      expect((await xapi('GET', bad, { client: writer })).status).toBe(400);
  });

  it('answers the Person object of an Agent', async () => {
    const sent = { objectType: 'Agent', name: 'An', mbox: 'mailto:an@example.vn' };
    const answer = await xapi(
      'GET',
      `/xapi/agents?agent=${encodeURIComponent(JSON.stringify(sent))}`,
      { client: reader },
    );
    expect([answer.status, answer.body]).toEqual([
      200,
      { objectType: 'Person', name: ['An'], mbox: ['mailto:an@example.vn'] },
    ]);
    const group = { objectType: 'Group', mbox: 'mailto:lop@example.vn' };
    for (const bad of [
      '/xapi/agents',
      '/xapi/agents?agent=%7B%7D',
      `/xapi/agents?agent=${encodeURIComponent(JSON.stringify(group))}`,
    ])
      expect((await xapi('GET', bad, { client: reader })).status).toBe(400);
    // HEAD answers as GET does, without the body.
    const head = await fetch(
      `${api.http.base}/xapi/agents?agent=${encodeURIComponent(JSON.stringify(sent))}`,
      { method: 'HEAD', headers: { ...VERSION, authorization: basic(reader) } },
    );
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

describe('documents', () => {
  const activityId = 'https://lifelong.example/xapi/activities/course-1';
  const learner = JSON.stringify(agent('an'));
  const state = (stateId?: string, extra: Record<string, string> = {}) =>
    `/xapi/activities/state?${new URLSearchParams({
      activityId,
      agent: learner,
      ...(stateId === undefined ? {} : { stateId }),
      ...extra,
    }).toString()}`;

  it('keeps activity state with ETags: create, conflict, If-Match, merge, list, delete', async () => {
    const created = await xapi('PUT', state('bookmark'), {
      client: writer,
      body: { page: 3 },
      headers: { 'if-none-match': '*' },
    });
    expect(created.status).toBe(204);
    const etag = created.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const read = await xapi('GET', state('bookmark'), { client: writer });
    expect([read.status, read.body, read.headers.get('etag')]).toEqual([200, { page: 3 }, etag]);
    // A blind overwrite, a stale ETag and a create over an existing document are refused.
    const blind = await xapi('PUT', state('bookmark'), { client: writer, body: { page: 9 } });
    expect([blind.status, codeOf(blind)]).toEqual([409, 'DOCUMENT_CONFLICT']);
    const stale = await xapi('PUT', state('bookmark'), {
      client: writer,
      body: { page: 9 },
      headers: { 'if-match': '"0000000000000000000000000000000000000000"' },
    });
    expect(stale.status).toBe(412);
    const again = await xapi('PUT', state('bookmark'), {
      client: writer,
      body: { page: 9 },
      headers: { 'if-none-match': '*' },
    });
    expect(again.status).toBe(412);
    const replaced = await xapi('PUT', state('bookmark'), {
      client: writer,
      body: { page: 4 },
      headers: { 'if-match': etag },
    });
    expect(replaced.status).toBe(204);
    const merged = await xapi('POST', state('bookmark'), { client: writer, body: { done: false } });
    expect(merged.status).toBe(204);
    expect((await xapi('GET', state('bookmark'), { client: writer })).body).toEqual({
      page: 4,
      done: false,
    });
    await xapi('PUT', state('scratch'), { client: writer, body: { n: 1 } });
    expect((await xapi('GET', state(), { client: writer })).body).toEqual(['bookmark', 'scratch']);
    // The other vendor (read/mine) neither sees nor lists them; the reporting client does.
    expect((await xapi('GET', state('bookmark'), { client: other })).status).toBe(404);
    expect((await xapi('GET', state(), { client: other })).body).toEqual([]);
    expect((await xapi('GET', state('bookmark'), { client: reader })).status).toBe(200);
    const overwrite = await xapi('PUT', state('bookmark'), {
      client: other,
      body: { page: 1 },
      headers: { 'if-match': '*' },
    });
    expect(overwrite.status).toBe(403);
    const deleted = await xapi('DELETE', state(), { client: writer });
    expect(deleted.status).toBe(204);
    expect((await xapi('GET', state('bookmark'), { client: writer })).status).toBe(404);
  });

  it('keeps profiles as bytes or JSON, and refuses merging into bytes and bad parameters', async () => {
    const profile = `/xapi/agents/profile?${new URLSearchParams({ agent: learner, profileId: 'avatar' }).toString()}`;
    const bytes = await fetch(`${api.http.base}${profile}`, {
      method: 'PUT',
      headers: {
        ...VERSION,
        authorization: basic(writer),
        'content-type': 'application/octet-stream',
      },
      body: Buffer.from([0, 1, 2, 255]),
    });
    expect(bytes.status).toBe(204);
    const back = await fetch(`${api.http.base}${profile}`, {
      headers: { ...VERSION, authorization: basic(writer) },
    });
    expect(back.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await back.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    const merge = await xapi('POST', profile, { client: writer, body: { a: 1 } });
    expect([merge.status, codeOf(merge)]).toEqual([400, 'DOCUMENT_NOT_MERGEABLE']);
    const activityProfile = `/xapi/activities/profile?${new URLSearchParams({ activityId, profileId: 'meta' }).toString()}`;
    expect((await xapi('POST', activityProfile, { client: writer, body: { x: 1 } })).status).toBe(
      204,
    );
    const removed = await xapi('DELETE', activityProfile, {
      client: writer,
      headers: { 'if-match': '"nope"' },
    });
    expect(removed.status).toBe(412);
    expect((await xapi('DELETE', activityProfile, { client: writer })).status).toBe(204);
    for (const bad of [
      '/xapi/activities/state?activityId=not-an-iri&agent=%7B%7D&stateId=a',
      `/xapi/activities/state?${new URLSearchParams({ activityId, stateId: 'a' }).toString()}`,
      `/xapi/activities/profile?${new URLSearchParams({ activityId, agent: learner }).toString()}`,
    ]) {
      const answer = await xapi('GET', bad, { client: writer });
      expect([bad, answer.status]).toEqual([bad, 400]);
    }
    const octetElsewhere = await fetch(`${api.http.base}/api/v1/me`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${api.adminToken}`,
        'content-type': 'application/octet-stream',
      },
      body: Buffer.from('x'),
    });
    expect(octetElsewhere.status).toBe(415);
  });

  // Found by ADL's conformance suite (docs/xapi.md).
  it('takes any media type, and a DELETE that names a Content-Type without a body', async () => {
    const profile = `/xapi/activities/profile?${new URLSearchParams({ activityId, profileId: 'notes' }).toString()}`;
    const send = (method: string, type: string, body: string, headers = {}) =>
      fetch(`${api.http.base}${profile}`, {
        method,
        headers: { ...VERSION, authorization: basic(writer), 'content-type': type, ...headers },
        body,
      });
    expect((await send('PUT', 'text/plain; charset=utf-8', 'ghi chú')).status).toBe(204);
    const back = await fetch(`${api.http.base}${profile}`, {
      headers: { ...VERSION, authorization: basic(writer) },
    });
    expect([back.headers.get('content-type'), await back.text()]).toEqual([
      'text/plain; charset=utf-8',
      'ghi chú',
    ]);
    // Merging needs JSON on both sides: 400, and the document stays.
    const merge = await xapi('POST', profile, { client: writer, body: { a: 1 } });
    expect([merge.status, codeOf(merge)]).toEqual([400, 'DOCUMENT_NOT_MERGEABLE']);
    await xapi('PUT', profile, { client: writer, body: { a: 1 }, headers: { 'if-match': '*' } });
    const notJson = await send('POST', 'not/json', '{"b":2}');
    expect(notJson.status).toBe(400);
    // A form body is bytes too, never read as an object of fields that could merge.
    const form = await send('POST', 'application/x-www-form-urlencoded', 'abc');
    expect(form.status).toBe(400);
    expect((await xapi('GET', profile, { client: writer })).body).toEqual({ a: 1 });
    const json = { 'content-type': 'application/json' };
    const wrongTag = await xapi('DELETE', profile, {
      client: writer,
      headers: { ...json, 'if-match': '"1234"' },
    });
    expect(wrongTag.status).toBe(412);
    expect((await xapi('DELETE', profile, { client: writer, headers: json })).status).toBe(204);
    expect((await xapi('GET', profile, { client: writer })).status).toBe(404);
    // Elsewhere an unknown media type is still 415.
    const elsewhere = await fetch(`${api.http.base}/api/v1/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(elsewhere.status).toBe(415);
  });
});

describe("a learner's own statements", () => {
  it('answers only the statements naming the caller, paged and as a download', async () => {
    const [learner, neighbour] = [await person(), await person()];
    const account = (id: string) => ({
      objectType: 'Agent',
      account: { homePage: api.config.http.publicUrl, name: id },
    });
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const stored = await xapi('POST', '/xapi/statements', {
      client: writer,
      body: [
        statement({ id: ids[0], actor: account(learner.id) }),
        statement({ id: ids[1], actor: account(neighbour.id) }),
        statement({ id: ids[2], actor: account(learner.id), verb: { id: ATTEMPTED } }),
      ],
    });
    expect(stored.status).toBe(200);

    const page = await expectStatus(
      api.http.get('/api/v1/me/xapi-statements?pageSize=1', { token: learner.token }),
      200,
    );
    expect(page.total).toBe(2);
    expect((page.items as Json[]).map((item) => item.id)).toEqual([ids[2]]);

    const download = await api.http.get('/api/v1/me/xapi-statements/download', {
      token: learner.token,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="xapi-statements.json"',
    );
    expect(download.headers.get('cache-control')).toBe('no-store');
    const statements = download.body.statements as Json[];
    expect(statements.map((item) => item.id)).toEqual([ids[0], ids[2]]);

    const anonymous = await api.http.get('/api/v1/me/xapi-statements/download');
    expect(anonymous.status).toBe(401);
  });
});
