/**
 * The loose key an id is indexed and looked up by: trimmed, upper case, and for numbers without
 * leading zeros, so that a UPC, its EAN-13 and its GTIN-14 share one key. It is looser than the
 * core's matching (it ignores which kind of id it is), which is what narrowing needs: every item
 * the core could match is found, and the core then decides exactly.
 *
 * @example
 * referenceKey(' 012345678905 '); // '12345678905'
 * referenceKey('vp-1');           // 'VP-1'
 */
export function referenceKey(id: string): string {
  const trimmed = id.trim().toUpperCase();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}
