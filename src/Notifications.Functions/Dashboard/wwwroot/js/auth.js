// Sign-in. Locally: the development sign-in picks a role and gets a token from POST /api/dev/token (absent once Auth__Authority
// is set). In Azure: Entra ID, the authorization code flow with PKCE against the dashboard's SPA app registration (config.json).
// The token lives in sessionStorage (this tab only) and the session ends when it expires.
const KEY = 'session';

function decodePayload(token) {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
}

function store(token) {
  const claims = decodePayload(token);
  const roles = [claims.roles ?? []].flat();
  const session = { token, roles, expiresAt: (claims.exp ?? 0) * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** The signed-in session, or null when there is none or it expired. */
export function session() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (s && s.expiresAt > Date.now()) return s;
  } catch { /* fall through */ }
  sessionStorage.removeItem(KEY);
  return null;
}

export function hasRole(role) {
  return session()?.roles.includes(role) ?? false;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export async function signInLocal(role) {
  const res = await fetch('api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return store((await res.json()).token);
}

const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Entra ID: off to the authorize endpoint; completeEntra() finishes when it sends the browser back with ?code=. */
export async function signInEntra(entra) {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(`${entra.authority}/oauth2/v2.0/authorize`.replace('/v2.0/oauth2/v2.0/', '/oauth2/v2.0/'));
  url.search = new URLSearchParams({
    client_id: entra.clientId, response_type: 'code', redirect_uri: entra.redirectUri, scope: `openid ${entra.scope}`,
    code_challenge: challenge, code_challenge_method: 'S256', state, response_mode: 'query',
  }).toString();
  location.assign(url.toString());
}

export async function completeEntra(entra) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code || !entra) return null;
  const pkce = JSON.parse(sessionStorage.getItem('pkce') ?? '{}');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', location.pathname); // the code never stays in the address bar
  if (params.get('state') !== pkce.state) throw new Error('sign-in state mismatch');
  const res = await fetch(`${entra.authority}/oauth2/v2.0/token`.replace('/v2.0/oauth2/v2.0/', '/oauth2/v2.0/'), {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: entra.clientId, grant_type: 'authorization_code', code, redirect_uri: entra.redirectUri, code_verifier: pkce.verifier, scope: entra.scope }),
  });
  if (!res.ok) throw new Error(`token request failed: ${res.status}`);
  return store((await res.json()).access_token);
}
