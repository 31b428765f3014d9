import { randomUUID } from 'node:crypto';

const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of one request: the caller's `X-Request-Id` when it is a plain token (so a proxy's id
 * follows the request through our logs), otherwise a new UUID. Anything else is refused because
 * it would land in log lines and response headers as given.
 *
 * @example
 * requestIdFrom('lb-7f3a:42'); // 'lb-7f3a:42'
 * requestIdFrom('bad id\n'); // a new UUID
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTED.test(value) ? value : randomUUID();
}
