// Every request the page makes goes through here: same origin, the session cookie, and the CSRF token on changes.
let csrfToken = null;
let onSignedOut = () => {};

export function useCsrfToken(token) {
  csrfToken = token;
}

/** Called when the hub answers 401: the session ended (expired, signed out elsewhere). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Validation problems name each field: show them. */
  get fields() {
    return (this.problem && this.problem.errors) || [];
  }
}

export async function request(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'error',
  });
  const text = await response.text();
  let data = null;
  if (text && /json/.test(response.headers.get('content-type') || '')) data = JSON.parse(text);
  if (response.status === 401 && !extraHeaders.Authorization) onSignedOut();
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, headers: response.headers };
}

export const get = async (path) => (await request('GET', path)).data;
export const post = async (path, body) => (await request('POST', path, body === undefined ? {} : body)).data;
export const del = async (path) => (await request('DELETE', path)).data;

/** Builds `path?a=1&b=2` from the non-empty values. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
