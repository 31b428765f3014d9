/* global fetch, sessionStorage, window, CustomEvent, URLSearchParams */
// The one way the console talks to the gateway: JSON in and out, the session cookie, and the
// CSRF token on every request that changes something.

const TOKEN_KEY = 'edi-console-csrf';

/** An error answer of the API, `{ error: { code, message, requestId? } }`, with its HTTP status. */
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

let csrfToken = sessionStorage.getItem(TOKEN_KEY);

/** Keeps (or forgets, with null) the CSRF token of the current session. */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
  if (csrfToken === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, csrfToken);
}

/** A query string of the parameters that have a value; empty ones are not sent at all. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Calls the API and resolves with the parsed JSON body. A 401 also tells the app (event
 * `console:unauthorized`) so that it shows the sign-in page.
 */
export async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['content-type'] = 'application/json';
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', `The gateway did not answer (${cause.message}). Check that it runs.`);
  }
  const parsed = await readJson(response);
  if (response.ok) return parsed;
  const error = parsed !== null && typeof parsed === 'object' ? parsed.error : undefined;
  const failure = new ApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : `http-${response.status}`,
    typeof error?.message === 'string' ? error.message : `${method} ${path} answered ${response.status}`,
    typeof error?.requestId === 'string'
      ? error.requestId
      : (response.headers.get('x-request-id') ?? undefined),
  );
  if (response.status === 401 && path !== '/api/session') {
    window.dispatchEvent(new CustomEvent('console:unauthorized', { detail: failure }));
  }
  throw failure;
}

async function readJson(response) {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}
