// Every request of the page goes through here: same-origin credentials, the CSRF token on writes,
// problem+json errors turned into ApiError objects whose message is the server's detail.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function send(path, { method = 'GET', params = {}, body, accept = 'application/geo+json, application/json' } = {}) {
  const url = new URL(path, location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  const headers = { Accept: accept };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (networkFailure) {
    throw new ApiError(0, { title: 'Network', detail: networkFailure.message });
  }
  if (response.status === 401) {
    location.href = '/login.html';
    throw new ApiError(401, { title: 'Unauthorized' });
  }
  if (!response.ok) {
    let problem = { title: response.statusText };
    try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path, params = {}) {
  return (await send(path, { params })).json();
}

export async function getText(path, params = {}) {
  return (await send(path, { params, accept: 'text/csv, text/plain, */*' })).text();
}

/** POST, PATCH or DELETE with a JSON body; resolves to the JSON answer (null when empty). */
export async function sendJson(method, path, body, params = {}) {
  const response = await send(path, { method, params, body });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The URL of a GET, for links the browser downloads itself (exports, GPX). */
export function urlOf(path, params = {}) {
  const url = new URL(path, location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  return url.pathname + url.search;
}

/** The CSRF token the server set as a cookie, for state-changing requests. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * A request with explicit headers (e.g. a share token) and an optional JSON body; no login redirect,
 * since shared pages have no login. Errors become ApiError with the server's problem.
 */
export async function sendWithHeaders(path, { method = 'GET', params = {}, headers = {}, body } = {}) {
  const url = new URL(path, location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  const init = { method, credentials: 'omit', headers: { Accept: 'application/geo+json, application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    let problem = { title: response.statusText };
    try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}
