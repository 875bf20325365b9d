/** One OpenID Connect provider people may sign in with (OIDC_PROVIDERS). */
export interface OidcProviderSettings {
  /** Short, stable, URL-safe: it is part of the start and callback routes (`/auth/oidc/<id>/…`). */
  id: string;
  /** The issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button ("Sign in with <name>"). */
  name: string;
}

const ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const NAME_MAX_LENGTH = 100;
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** https everywhere; plain http only on this machine (a provider run for tests or development). */
function issuerProblem(issuer: unknown): string | null {
  if (typeof issuer !== 'string') return 'issuer must be a URL';
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'issuer must be a URL';
  }
  if (url.search || url.hash) return 'issuer must not have a query or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.includes(url.hostname)) return null;
  return 'issuer must be an https:// URL (http:// only on localhost)';
}

function textProblem(value: unknown, field: string, maxLength = 1000): string | null {
  if (typeof value !== 'string' || value.trim().length === 0) return `${field} must not be empty`;
  if (value.length > maxLength) return `${field} must be at most ${maxLength} characters`;
  return null;
}

function providerProblems(entry: unknown, index: number): string[] {
  const at = `provider ${index + 1}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return [`${at} must be an object { id, issuer, clientId, clientSecret, name }`];
  const { id, issuer, clientId, clientSecret, name } = entry as Record<string, unknown>;
  const problems = [
    typeof id === 'string' && ID.test(id)
      ? null
      : 'id must be 1-32 lower-case letters, digits or -, starting with a letter or digit',
    issuerProblem(issuer),
    textProblem(clientId, 'clientId'),
    textProblem(clientSecret, 'clientSecret'),
    textProblem(name, 'name', NAME_MAX_LENGTH),
  ];
  return problems.filter((p): p is string => p !== null).map((p) => `${at}: ${p}`);
}

/**
 * Reads OIDC_PROVIDERS: a JSON array of `{ id, issuer, clientId, clientSecret, name }`; empty or
 * unset means no single sign-on. Returns the providers, or the problems (never echoing a secret).
 */
export function oidcProviders(raw: string | undefined): {
  providers: OidcProviderSettings[];
  problems: string[];
} {
  if (raw === undefined || raw.trim() === '') return { providers: [], problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { providers: [], problems: ['must be a JSON array of providers'] };
  }
  if (!Array.isArray(parsed))
    return { providers: [], problems: ['must be a JSON array of providers'] };
  const problems = parsed.flatMap(providerProblems);
  const ids = parsed.map((entry) => (entry as { id?: unknown } | null)?.id);
  const repeated = ids.filter((id, index) => typeof id === 'string' && ids.indexOf(id) !== index);
  if (repeated.length) problems.push(`id ${[...new Set(repeated)].join(', ')} is used twice`);
  if (problems.length) return { providers: [], problems };
  return {
    providers: (parsed as OidcProviderSettings[]).map((entry) => ({
      id: entry.id,
      issuer: entry.issuer,
      clientId: entry.clientId,
      clientSecret: entry.clientSecret,
      name: entry.name.trim(),
    })),
    problems: [],
  };
}
