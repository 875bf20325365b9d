import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { sessionStore } from './session-store';

/** The api's error body (api.md): every 4xx carries a stable `code`. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Thrown by `unwrap` for an api error; `status` 0 means the network did not answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

let refreshing: Promise<boolean> | null = null;

/** For the refresh itself: no access token to attach, no refresh to attempt on a 401. */
const sessionClient = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/**
 * Exchanges the HttpOnly refresh cookie for a new access token. Concurrent callers share one
 * request: the refresh token rotates, and a second use of the old one would end the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= sessionClient
    .POST('/api/v1/auth/refresh', { body: {} })
    .then(({ data }) => {
      sessionStore.set(data?.accessToken ?? null);
      return data !== undefined;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

// A copy of each request as sent, so one refused for an expired token can be replayed (the
// original's body is consumed by then).
const sent = new WeakMap<Request, Request>();

const auth: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    sent.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    // An access token expired mid-session (a long video): refresh once, silently, and replay.
    if (response.status !== 401 || !sessionStore.token() || request.url.includes('/auth/')) {
      return response;
    }
    if (!(await refreshSession())) return response;
    // The same typed request, as sent, with the new token.
    const replay = sent.get(request) ?? request;
    replay.headers.set('authorization', `Bearer ${sessionStore.token() ?? ''}`);
    return fetch(replay);
  },
};

/** The only way the app calls the api: typed by the api's own OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(auth);

/** Returns the data of an openapi-fetch result, or throws an ApiError a page can show. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'NETWORK');
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as Partial<ApiErrorBody> | undefined;
  throw new ApiError(result.response.status, body?.code ?? 'UNKNOWN', body?.details);
}
