// Every request of the page goes through here: same-origin credentials, problem+json errors
// turned into Error objects whose message is the server's detail.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function getJson(path, params = {}) {
  const url = new URL(path, location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' } });
  if (response.status === 401) {
    location.href = '/login.html';
    throw new ApiError(401, { title: 'Unauthorized' });
  }
  if (!response.ok) {
    let problem = { title: response.statusText };
    try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

/** The CSRF token the server set as a cookie, for state-changing requests. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}
