// A real OpenID Connect provider (panva's oidc-provider) on loopback, for tests: the api signs
// people in against it exactly as against a production provider. Plain ESM (oidc-provider is ESM
// only), run by test/support/oidc-test-provider.ts, which steers it over IPC:
//   account       { id, email, email_verified, name }  someone who can sign in here
//   rotate-keys   {}                                   sign with a new key from now on, publish only it
//   tamper        { mode }                             rewrite the next ID tokens (see TAMPER below)
// The sign-in page at /interaction/<uid> is a plain form: "Tên đăng nhập" (the account id) and a
// submit button, so both HTTP tests and a browser can drive it; consent is given with the login.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const { CLIENT_ID, CLIENT_SECRET, REDIRECT_URIS, ISSUER_HOST = '127.0.0.1' } = process.env;
const accounts = new Map();
let tamperMode = null;
let signing; // { kid, privateKey, publicJwk }
let current; // the Provider instance serving requests
let handler; // its request handler

async function newSigningKey() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk, publicJwk: { ...(await exportJWK(publicKey)), kid } };
}

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

/** How an ID token is rewritten before it leaves the token endpoint; re-signed unless alg none. */
const TAMPER = {
  'wrong-nonce': (claims) => ({ claims: { ...claims, nonce: 'not-the-nonce-of-this-sign-in' } }),
  expired: (claims) => {
    const now = Math.floor(Date.now() / 1000);
    return { claims: { ...claims, iat: now - 7200, exp: now - 3600 } };
  },
  'wrong-issuer': (claims) => ({ claims: { ...claims, iss: 'https://issuer.elsewhere.example' } }),
  'alg-none': (claims) => ({ claims, unsigned: true }),
  'foreign-key': (claims) => ({ claims, foreignKey: true }),
};

async function tampered(idToken) {
  const { claims, unsigned, foreignKey } = TAMPER[tamperMode](claimsOf(idToken));
  if (unsigned) return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  // Same kid as the real key, so only the signature itself can give it away.
  const key = foreignKey ? (await newSigningKey()).privateKey : signing.privateKey;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signing.kid }).sign(key);
}

function buildProvider(issuer) {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: REDIRECT_URIS.split(','),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signing.jwk] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && tamperMode && ctx.body?.id_token)
      ctx.body = { ...ctx.body, id_token: await tampered(ctx.body.id_token) };
  });
  return provider;
}

const page = (uid, message = '') => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Nhà cung cấp định danh thử nghiệm</title></head>
<body><main><h1>Nhà cung cấp định danh thử nghiệm</h1>${message}
<form method="post" action="/interaction/${uid}">
<label for="login">Tên đăng nhập</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Đăng nhập</button>
</form></main></body></html>`;

async function readForm(request) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

/** The sign-in form; a known account id signs in and consents to what the client asked. */
async function interaction(request, response) {
  const details = await current.interactionDetails(request, response);
  if (request.method === 'GET') {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    return response.end(page(details.uid));
  }
  const accountId = (await readForm(request)).get('login') ?? '';
  if (!accounts.has(accountId)) {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    return response.end(page(details.uid, '<p role="alert">Không có tài khoản này.</p>'));
  }
  const grant = new current.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  await current.interactionFinished(
    request,
    response,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const server = createServer((request, response) => {
  const handle = request.url?.startsWith('/interaction/')
    ? interaction(request, response)
    : Promise.resolve(handler(request, response));
  handle.catch((error) => {
    response.statusCode = 500;
    response.end(String(error?.message ?? error));
  });
});

async function handleMessage(message) {
  switch (message.type) {
    case 'account':
      accounts.set(message.id, {
        email: message.email,
        email_verified: message.email_verified,
        name: message.name,
      });
      return {};
    case 'rotate-keys':
      signing = await newSigningKey();
      current = buildProvider(current.issuer);
      handler = current.callback();
      return { kid: signing.kid };
    case 'tamper':
      tamperMode = message.mode ?? null;
      return {};
    default:
      throw new Error(`unknown message ${message.type}`);
  }
}

process.on('message', (message) => {
  handleMessage(message).then(
    (result) => process.send({ requestId: message.requestId, ok: true, ...result }),
    (error) => process.send({ requestId: message.requestId, ok: false, error: String(error) }),
  );
});

signing = await newSigningKey();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://${ISSUER_HOST}:${server.address().port}`;
  current = buildProvider(issuer);
  handler = current.callback();
  process.send({ type: 'ready', issuer });
});
