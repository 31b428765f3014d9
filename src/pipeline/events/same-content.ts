/**
 * Whether two canonical documents say the same thing, leaving out `source` (each posting of an
 * event is its own transmission) and the order of object keys.
 *
 * @example
 * sameContent({ id: 'a', qty: '1', source: { channel: 'api' } }, { qty: '1', id: 'a' }); // true
 */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { source: _a, ...left } = a;
  const { source: _b, ...right } = b;
  return stable(left) === stable(right);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
