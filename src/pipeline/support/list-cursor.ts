import { GatewayError } from '../../errors/index.js';
import type { ListCursor } from '../../store/index.js';

/**
 * The opaque `next` of a list page: where the page ended, so the next one starts after it even
 * while new files arrive at the top.
 *
 * @example
 * const next = encodeCursor({ receivedAt: last.receivedAt, id: last.id }); // 'MjAyNi0wMS0xMFQx...'
 */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(`${cursor.receivedAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Reads a `next` given back by a list; anything else is refused (HTTP 400). */
export function decodeCursor(text: string): ListCursor {
  const [at = '', id = '', ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at);
  if (rest.length > 0 || id === '' || Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new GatewayError(
      'bad-request',
      `cursor ${JSON.stringify(text.slice(0, 80))} is not one a list gave; pass the "next" of the previous page as it was`,
      { permanent: true, status: 400 },
    );
  }
  return { receivedAt, id };
}
