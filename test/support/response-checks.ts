/**
 * What every answer of the api must respect whatever it was sent (api.md, Errors): no 5xx, no
 * stack trace or filesystem path in a body, and every 4xx in the error shape.
 */

/** Filesystem paths and stack frames that must never reach a client. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:\/|node:|file:)[^\s)]*:\d+(?::\d+)?\)?/],
  ['a stack frame', /\n\s+at \S/],
  ['node_modules', /node_modules/],
  ['a filesystem path', /(?:^|[\s"'(=:])\/(?:work|app|home|root|usr|var|srv|opt|tmp)\/[\w.-]/],
  ['a filesystem path', /\b[A-Z]:\\(?:Users|Windows|app)\\/],
];

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  method: string;
  /** The request path: pages outside `/api/` (e.g. `/verify/{serial}`) may refuse in HTML. */
  path: string;
}

/** What is wrong with an answer, one sentence each; empty when nothing is. */
export function answerProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  for (const [what, pattern] of LEAKS)
    if (pattern.test(answer.text)) {
      problems.push(`body shows ${what}: ${answer.text.match(pattern)?.[0].trim()}`);
      break;
    }
  // Human-readable pages (`/verify/{serial}`) refuse in HTML; every api route in the error body.
  const page = !answer.path.startsWith('/api/') && answer.contentType.startsWith('text/html');
  if (answer.status >= 400 && answer.method !== 'HEAD' && !page)
    problems.push(...errorShapeProblems(answer));
  return problems;
}

/** `{ statusCode, code, message, details?, requestId }`, as JSON, with the answer's status. */
function errorShapeProblems(answer: Answer): string[] {
  if (!answer.contentType.includes('application/json'))
    return [`a ${answer.status} that is not JSON (${answer.contentType || 'no content-type'})`];
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    return [`a ${answer.status} whose JSON does not parse`];
  }
  const problems: string[] = [];
  if (body.statusCode !== answer.status)
    problems.push(`statusCode ${String(body.statusCode)} in a ${answer.status}`);
  for (const field of ['code', 'message', 'requestId'])
    if (typeof body[field] !== 'string' || body[field] === '')
      problems.push(`a ${answer.status} without ${field}`);
  if (body.details !== undefined && (typeof body.details !== 'object' || body.details === null))
    problems.push(`a ${answer.status} whose details is not an object`);
  return problems;
}
