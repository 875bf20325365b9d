import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../apps/web/src/api/schema';
import type { Answered } from './e2e';
import type { Refusal } from './http-client';

/**
 * The api as the web app calls it: routes, request bodies and answers typed by the types
 * generated from the OpenAPI document (apps/web/src/api/schema.d.ts, `npm run api:types`; a unit
 * test fails when they are stale). A route or field the api no longer has is a compile error in
 * the tests too. Hostile or malformed requests go through HttpClient, which sends anything.
 */
export type ApiClient = Client<paths>;

/** A typed client for the api at `base`, as `token`'s bearer when given. */
export function apiClient(base: string, token?: string): ApiClient {
  return createClient<paths>({
    baseUrl: base,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

/**
 * A typed call's answer as status, headers and body (the success body typed), for
 * `expectStatus`; a refused call's error body as `refusal`.
 */
export interface TypedAnswer<Data> extends Answered<Data> {
  headers: Headers;
  /** The error body when the call was refused (see Refusal: the document leaves it untyped). */
  refusal?: Refusal;
}

export async function answered<Data>(
  call: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<TypedAnswer<Data>> {
  const { data, error, response } = await call;
  return {
    status: response.status,
    headers: response.headers,
    body: (data ?? error) as Data,
    refusal: response.ok ? undefined : (error as Refusal),
  };
}

/**
 * The request options of a typed call that sends `csv` as its raw `text/csv` body (a staff
 * list, a broadcast schedule), with `headers` besides. The document gives every form of such a
 * route's body the multipart form's shape, so the typed body is that form, empty, and the
 * serializer sends the CSV in its place.
 */
export function csvBody(csv: string, headers: Record<string, string> = {}) {
  return {
    body: {},
    bodySerializer: () => csv,
    headers: { 'content-type': 'text/csv', ...headers },
  };
}

/**
 * The request options of a typed call that sends `form` as its multipart body (a video, a
 * subtitle file): the document types the form's file as a string, so the typed body is that
 * form, empty, and the serializer sends the real one (fetch sets its boundary).
 */
export function formBody(form: FormData) {
  return { body: {}, bodySerializer: () => form };
}
