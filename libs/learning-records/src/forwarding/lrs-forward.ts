/** An external Learning Record Store the statements are forwarded to (never its secret). */
export interface LrsForward {
  id: string;
  name: string;
  /** The remote's xAPI base, without a trailing slash (statements go to `<endpoint>/statements`). */
  endpoint: string;
  /** The Basic user name this store sends. */
  key: string;
  /** Only statements with one of these verb IRIs; null for every statement. */
  verbs: string[] | null;
  /** The `seq` of the last statement the remote accepted ('0': none yet). */
  forwardedSeq: string;
  /** Why the last run failed; null once a run succeeds. */
  lastError: string | null;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}
