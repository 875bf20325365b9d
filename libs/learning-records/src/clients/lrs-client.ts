import type { LaunchGrant } from '../launch/launch-sessions';

/** The xAPI scopes an administrator may give a client (the names the xAPI OAuth scopes use). */
export const LRS_SCOPES = ['statements/write', 'statements/read/mine', 'statements/read'] as const;
export type LrsScope = (typeof LRS_SCOPES)[number];

/** Which statements a client may read: none, those it stored, or all. */
export type ReadScope = 'none' | 'mine' | 'all';

/** An LRS client as the store knows it (never its secret). */
export interface LrsClient {
  id: string;
  name: string;
  key: string;
  readScope: ReadScope;
  mayWrite: boolean;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  /** Set for a content launch's credentials: what they are confined to (launch-sessions.ts). */
  launch?: LaunchGrant;
}

/**
 * The client behind a launch's credentials: its id is the registration (no `lrs_clients` row has
 * one), so the documents one session writes are the next one's, and it reads only what its
 * registration's sessions stored.
 */
export const launchClient = (grant: LaunchGrant): LrsClient => ({
  id: grant.registration,
  name: 'cmi5 launch',
  key: `launch:${grant.sessionId}`,
  readScope: 'mine',
  mayWrite: true,
  createdBy: null,
  createdAt: new Date(0),
  revokedAt: null,
  launch: grant,
});

/** The scopes a client holds, from its stored columns. */
export function scopesOf(client: Pick<LrsClient, 'readScope' | 'mayWrite'>): LrsScope[] {
  const scopes: LrsScope[] = [];
  if (client.mayWrite) scopes.push('statements/write');
  if (client.readScope === 'mine') scopes.push('statements/read/mine');
  if (client.readScope === 'all') scopes.push('statements/read');
  return scopes;
}

/** The stored columns for a set of scopes (`statements/read` includes `read/mine`). */
export function columnsOf(scopes: readonly LrsScope[]): Pick<LrsClient, 'readScope' | 'mayWrite'> {
  const readScope: ReadScope = scopes.includes('statements/read')
    ? 'all'
    : scopes.includes('statements/read/mine')
      ? 'mine'
      : 'none';
  return { readScope, mayWrite: scopes.includes('statements/write') };
}
