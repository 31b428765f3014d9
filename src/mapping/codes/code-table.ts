/**
 * A conversion table between X12 code values and a canonical enum, kept as data so that a new code
 * is one line and the same table serves inbound mapping and outbound rendering.
 */
export interface CodeTable<V extends string> {
  /** What the codes are, for messages (`N101 entity identifier`). */
  readonly name: string;
  /**
   * The canonical value of an X12 code; the table's fallback (usually `other`) for an unknown one;
   * `undefined` for an absent code.
   */
  toCanonical(code: string | undefined): V | undefined;
  /** The X12 code of a canonical value: the first code listed for it. */
  toX12(value: V): string | undefined;
  /** Whether the table knows the code. */
  has(code: string): boolean;
}

/**
 * @example
 * const roles = codeTable('N101 entity identifier', [['BY', 'buyer'], ['ST', 'ship_to']], 'other');
 * roles.toCanonical('BY'); // 'buyer'
 * roles.toCanonical('ZZ'); // 'other'
 * roles.toX12('ship_to');  // 'ST'
 */
export function codeTable<V extends string>(
  name: string,
  entries: readonly (readonly [code: string, value: V])[],
  fallback?: V,
): CodeTable<V> {
  const byCode = new Map<string, V>();
  const byValue = new Map<V, string>();
  for (const [code, value] of entries) {
    byCode.set(code, value);
    if (!byValue.has(value)) byValue.set(value, code);
  }
  return {
    name,
    toCanonical: (code) => (code === undefined ? undefined : (byCode.get(code) ?? fallback)),
    toX12: (value) => byValue.get(value),
    has: (code) => byCode.has(code),
  };
}
