// Every action goes through the API with the signed-in caller's bearer token. Problems (RFC 7807) come back as values.
import { session } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export async function api(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
  const s = session();
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (s) init.headers.Authorization = `Bearer ${s.token}`;
  if (body instanceof FormData || typeof body === 'string') init.body = body;
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers['Content-Type'] ??= 'application/json'; }
  const res = await fetch(`api/${path}`, init);
  if (res.status === 401) { window.dispatchEvent(new Event('signed-out')); }
  if (raw && res.ok) return res;
  const type = res.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, typeof data === 'object' ? data : { title: data });
  // 202: the command is recorded and still being decided; its Location names the incident.
  if (res.status === 202) return { accepted: true, location: res.headers.get('Location') ?? '', ...data };
  return data;
}

