import type { INestApplicationContext } from '@nestjs/common';

const starts: Promise<INestApplicationContext | undefined>[] = [];

/**
 * Remembers an api app or worker being started so that the end of the test file closes it,
 * whatever happened meanwhile. A start slower than its `beforeAll` timeout goes on in the
 * background after jest has moved on; its MySQL pools, Redis connections and timers would then
 * hold the whole run open (jest runs the files in one process here), so CI never ends. Close is
 * made idempotent, so a file that closes its own app as well is fine.
 */
export function closedAtEnd<T extends INestApplicationContext>(starting: Promise<T>): Promise<T> {
  const started = starting.then((app) => {
    const close = app.close.bind(app);
    let closing: Promise<void> | undefined;
    app.close = () => (closing ??= close());
    return app;
  });
  starts.push(started.catch(() => undefined));
  return started;
}

/** Closes every app and worker this test file started (registered once in fresh-state.ts). */
export async function closeStarted(): Promise<void> {
  const apps = await Promise.all(starts.splice(0));
  await Promise.allSettled(apps.map(async (app) => app?.close()));
}
