import type { NotificationData } from '@mantine/notifications';
import { lazy, Suspense, useSyncExternalStore } from 'react';

/**
 * Toasts (Mantine's notifications) load with the first toast, not with every page: their
 * container, transitions, swipe handling and styles were a tenth of a learner's first-load
 * JavaScript, and most visits show none. A toast shown before its container has arrived waits in
 * Mantine's store and appears as the container mounts.
 */
const ToastContainer = lazy(() => import('./ToastContainer'));

let wanted = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function showToast(toast: NotificationData): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(toast));
}

/** Where toasts appear; renders nothing until the first one is shown. */
export function Toasts() {
  const shown = useSyncExternalStore(subscribe, () => wanted);
  return shown ? (
    <Suspense fallback={null}>
      <ToastContainer />
    </Suspense>
  ) : null;
}
