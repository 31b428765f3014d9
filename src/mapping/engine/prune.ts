/**
 * A copy of `value` without properties whose value is `undefined`, at every depth. Mappers write
 * `description: elements.text(pid, 5)` whether or not the element was sent; the document that
 * leaves the mapping holds only what was there.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutUndefined(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = withoutUndefined(item);
  }
  return out as T;
}
