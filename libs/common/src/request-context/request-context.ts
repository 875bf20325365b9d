import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the work in progress knows about where it comes from: the request id (logs, outbox
 * events, jobs), the source IP and the signed-in actor (the audit log). Set once at the edge
 * (the api's request hook, the auth guard, the job dispatcher) so services need not pass them on.
 */
export interface RequestContext {
  requestId: string;
  /** The client's address as the api sees it (after the trusted proxies). */
  ip?: string;
  /** The verified caller, once the auth guard has checked their token. */
  actorId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a request id that logs, outbox events and jobs pick up. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** Runs `fn` with a request id and the source IP (the api's request hook). */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/** A copy of the current context, or undefined outside a request or job. */
export const currentRequestContext = (): Readonly<RequestContext> | undefined => {
  const store = storage.getStore();
  return store ? { ...store } : undefined;
};

/** Names the verified caller of the current request (called by the auth guard only). */
export function setRequestActor(actorId: string): void {
  const store = storage.getStore();
  if (store) store.actorId = actorId;
}
