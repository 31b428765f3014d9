import { createHash } from 'node:crypto';

/**
 * A stable document id: the same source always gives the same id, so a re-translated file or a
 * redelivered webhook is recognised as a duplicate instead of creating a second order.
 * `key` holds whatever identifies the source uniquely for the partner: for X12 the interchange
 * sender and receiver and the ISA13/GS06/ST02 control numbers; for a marketplace its order id.
 * The transmission id is deliberately not part of it: the same file received twice is still the
 * same document.
 *
 * @example
 * documentId('purchase_order', 'acme', ['ZZ', 'ACME', 'ZZ', 'US', '000000001', '1', '0001']);
 * // 'purchase_order:1f0c...' (32 hex digits)
 */
export function documentId(type: string, partnerId: string, key: readonly string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([type, partnerId, ...key]))
    .digest('hex');
  return `${type}:${digest.slice(0, 32)}`;
}
