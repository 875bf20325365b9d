import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
} from 'react';
import { api, refreshSession, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { sessionStore } from '../api/session-store';
import { isLanguage, setLanguage } from '../i18n';

export type User = components['schemas']['UserResponse'];
export type ProfileChanges = components['schemas']['UpdateMeDto'];

/** Function properties, not methods: pages destructure them from useSession(). */
interface Session {
  /** undefined while the first refresh runs; null when nobody is signed in. */
  user: User | null | undefined;
  signIn: (email: string, password: string) => Promise<User>;
  register: (fullName: string, email: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** Adopts a session another route opened (invitation accepted, password reset). */
  startSession: (session: { user: User; accessToken: string }) => User;
  /** Saves the person's own name, language or time zone (PATCH /me); answers the user. */
  updateProfile: (changes: ProfileChanges) => Promise<User>;
  hasRole: (...roles: User['roles'][number]['role'][]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Whether this browser holds a refresh cookie, which pages cannot read: the api sets and clears
 * a readable `lifelong_signed_in` cookie with it. Without one there is nothing to refresh, and a
 * visitor's first page knows at once that nobody is signed in.
 */
function holdsRefreshCookie(): boolean {
  return document.cookie.split(/;\s*/).includes('lifelong_signed_in=1');
}

function adoptLocale(user: User): void {
  if (isLanguage(user.locale)) void setLanguage(user.locale);
}

/**
 * Who is signed in. On load the refresh cookie is exchanged for an access token (kept in memory
 * only), so a reload keeps the person signed in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(sessionStore.subscribe, sessionStore.token);
  const me = useQuery({
    queryKey: ['me', token !== null],
    queryFn: async (): Promise<User | null> => {
      if (!sessionStore.token() && !(await refreshSession())) return null;
      const user = await unwrap(api.GET('/api/v1/me'));
      adoptLocale(user);
      return user;
    },
    // A visitor who never signed in: nobody, from the first render, with no request.
    initialData: () => (token === null && !holdsRefreshCookie() ? null : undefined),
    staleTime: Infinity,
    retry: false,
  });

  const start = useCallback(
    (body: { user: User; accessToken: string }): User => {
      sessionStore.set(body.accessToken);
      queryClient.setQueryData(['me', true], body.user);
      adoptLocale(body.user);
      return body.user;
    },
    [queryClient],
  );

  const value = useMemo<Session>(
    () => ({
      user: me.isPending ? undefined : (me.data ?? null),
      signIn: async (email, password) =>
        start(await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }))),
      register: async (fullName, email, password) =>
        start(
          await unwrap(api.POST('/api/v1/auth/register', { body: { fullName, email, password } })),
        ),
      startSession: start,
      signOut: async () => {
        try {
          // The refresh token travels in its HttpOnly cookie, never in the page.
          await api.POST('/api/v1/auth/logout', { body: {} });
        } finally {
          sessionStore.set(null);
          queryClient.clear();
        }
      },
      updateProfile: async (changes) => {
        const user = await unwrap(api.PATCH('/api/v1/me', { body: changes }));
        queryClient.setQueryData(['me', true], user);
        return user;
      },
      hasRole: (...roles) => Boolean(me.data?.roles.some((grant) => roles.includes(grant.role))),
    }),
    [me.isPending, me.data, start, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
