import fc from 'fast-check';
import type { Schema } from './openapi-operations';

/**
 * Generators of input an attacker (or a broken client) sends: wrong types, huge strings, deep
 * JSON, control characters, SQL and path metacharacters, unknown fields, bad ids.
 */

/** Strings that have broken parsers, queries and file stores elsewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  "'",
  '"',
  "' OR '1'='1",
  "1' OR 1=1 -- ",
  '1; DROP TABLE users; --',
  "1' AND SLEEP(3)#",
  '1 UNION SELECT NULL,NULL,NULL--',
  '%',
  '_',
  '\\',
  '%00',
  '\u0000',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '....//....//etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '\r\nX-Injected: 1',
  '\u202e\u200b\u00ad\ufeff',
  'ÀDMIN@EXAMPLE.VN',
  '💥'.repeat(50),
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffffffffffffffffffffffffffffffffffff',
  '2026-02-30T25:61:00Z',
  'FREQ=SECONDLY;INTERVAL=0',
];

const controlString = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  maxLength: 20,
});

/** Any hostile string: a known-nasty one, control characters, odd Unicode, or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 6 },
  { arbitrary: controlString, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(10_000, 300_000).map((n) => 'A'.repeat(n)), weight: 1 },
);

/** JSON nested `depth` levels deep (arrays or objects). */
export const deepJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A value of any JSON type but the expected one, or a hostile string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  {
    arbitrary: fc.constantFrom(
      0,
      -1,
      1.5,
      2 ** 53 + 1,
      -(2 ** 63),
      1e308,
      true,
      false,
      null,
      [],
      {},
      [null],
      { $gt: '' },
      { __proto__: { isAdmin: true } },
    ),
    weight: 3,
  },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), weight: 1 },
  {
    arbitrary: fc
      .constantFrom(50, 500)
      .map((depth) => JSON.parse(deepJson(depth, 'array')) as unknown),
    weight: 1,
  },
);

/** A value that fits the schema, so that some requests get past validation to the service. */
function plausible(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant('x');
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type ?? 'string') {
    case 'integer':
    case 'number':
      return fc.integer({ min: -2, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items), { maxLength: 3 });
    case 'object':
      return shapedBody(schema);
    default:
      return schema.format === 'date-time'
        ? fc
            .integer({ min: Date.UTC(2000, 0), max: Date.UTC(2100, 0) })
            .map((ms) => new Date(ms).toISOString())
        : fc.string({ maxLength: 20 });
  }
}

/**
 * The schema's fields, plausible, with one of them (now and then none) hostile, plus unknown
 * fields now and then: one bad value at a time gets past the validation of the others.
 */
function shapedBody(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, field]) => [name, plausible(field)]),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant({}), weight: 5 },
    {
      arbitrary: fc.dictionary(
        fc.constantFrom('isAdmin', 'roles', 'userId', 'status', '__proto__', 'constructor', 'id'),
        hostileValue,
        { maxKeys: 2 },
      ),
      weight: 1,
    },
  );
  const target = names.length
    ? fc.option(fc.constantFrom(...names), { freq: 5 })
    : fc.constant(null);
  return fc
    .tuple(fc.record(fields, { requiredKeys: schema.required ?? [] }), target, hostileValue, extra)
    .map(([body, name, value, more]) => ({
      ...body,
      ...(name === null ? {} : { [name]: value }),
      ...more,
    }));
}

/** A request body for a JSON route: serialized text, sometimes not valid JSON at all. */
export function hostileJsonBody(schema: Schema | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: shapedBody(schema ?? {}).map((body) => JSON.stringify(body)), weight: 6 },
    { arbitrary: hostileValue.map((value) => JSON.stringify(value) ?? 'null'), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":}',
        'null',
        '"\\ud800"',
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        deepJson(10_000, 'array'),
        deepJson(10_000, 'object'),
        `{"a":"${'x'.repeat(2_000_000)}"}`,
      ),
      weight: 1,
    },
  );
}

/** A path segment: a hostile id, URL-encoded (or, now and then, raw percent soup). */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileString.map((value) => encodeURIComponent(value) || '%20'), weight: 5 },
  {
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '%c0%ae%c0%ae',
      '..%2f..%2f',
      '%2e%2e',
      '%ff%fe',
      ';a=b',
    ),
    weight: 1,
  },
);

/**
 * A query string: one declared parameter hostile, valid paging now and then (so the hostile value
 * gets past validation to the handler), and now and then an unknown or repeated parameter.
 */
export function hostileQuery(names: string[]): fc.Arbitrary<string> {
  const targets = names.filter((name) => name !== 'page' && name !== 'pageSize');
  const target = targets.length
    ? fc.option(fc.constantFrom(...targets, ...names), { freq: 6 })
    : fc.option(fc.constantFrom('unknown', ...names), { freq: 2 });
  const stray = fc.oneof(
    { arbitrary: fc.constant(null), weight: 5 },
    { arbitrary: fc.tuple(fc.constantFrom('unknown', ...names), hostileString), weight: 1 },
  );
  const paging = names.includes('page')
    ? fc.constantFrom('', 'page=1&pageSize=20')
    : fc.constant('');
  return fc.tuple(target, hostileString, paging, stray).map(([name, value, page, extra]) => {
    const parts: string[] = [page];
    if (name !== null) parts.push(`${name}=${encodeURIComponent(value)}`);
    if (extra) parts.push(`${extra[0]}=${encodeURIComponent(extra[1])}`);
    const query = parts.filter(Boolean).join('&');
    return query ? `?${query}` : '';
  });
}

/** Header values fetch can send (visible ASCII): hostile auth headers and tus headers. */
export const hostileHeaderValue: fc.Arbitrary<string> = hostileString.map((value) =>
  value.replace(/[^\x20-\x7e]/g, '').slice(0, 8_000),
);

/** Bytes for file uploads: empty, random, text pretending to be media, or a CSV with traps. */
export const hostileFileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc
    .constantFrom(
      '',
      '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\nhttp://127.0.0.1:1/secret.ts\n',
      'WEBVTT\n\n00:00.000 --> 00:01.000\n<script>x</script>\n',
      'employeeCode,fullName,email,orgUnitCode,position,jobGrade\n=1+1,"a\n',
      'lessonCode,startsAt,endsAt,recurrence\nX,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,FREQ=SECONDLY\n',
      '\ufeff;;;;\n"""\n',
    )
    .map((text) => new TextEncoder().encode(text)),
);
