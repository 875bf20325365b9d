import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../apps/web/src/api/schema';
import type { Answered } from './e2e';

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
 * A typed call's answer as status and body (the success body typed; an error body as sent),
 * for `expectStatus`.
 */
export async function answered<Data>(
  call: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Answered<Data>> {
  const { data, error, response } = await call;
  return { status: response.status, body: (data ?? error) as Data };
}
