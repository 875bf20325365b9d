import { useEffect } from 'react';

/**
 * Which editors on the page hold changes not yet saved. Closing the tab or reloading then asks
 * first (the browser's own question). The app's router is declarative, which has no navigation
 * blocker: a link inside the app leaves without asking.
 */
const unsaved = new Set<string>();

function guard(event: BeforeUnloadEvent): void {
  if (unsaved.size > 0) event.preventDefault();
}

/** Marks the editor `name` as holding unsaved changes while `dirty` is true. */
export function useUnsavedChanges(name: string, dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    unsaved.add(name);
    if (unsaved.size === 1) window.addEventListener('beforeunload', guard);
    return () => {
      unsaved.delete(name);
      if (unsaved.size === 0) window.removeEventListener('beforeunload', guard);
    };
  }, [name, dirty]);
}
