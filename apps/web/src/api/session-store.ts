/**
 * The access token lives in memory only (web.md): a reload signs the person back in through the
 * refresh cookie, which JavaScript never sees.
 */
let accessToken: string | null = null;
const listeners = new Set<() => void>();

export const sessionStore = {
  token: (): string | null => accessToken,
  set: (token: string | null): void => {
    accessToken = token;
    listeners.forEach((listener) => listener());
  },
  // Arrow functions: passed around unbound (useSyncExternalStore).
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
