/**
 * An instant read as a plain column value. The query builder returns raw driver values where it
 * does not know the column's type (joined and computed columns): PostgreSQL gives `timestamptz`
 * as text (`2026-01-05 10:00:00.123+00`), libsql gives epoch milliseconds.
 *
 * @example
 * storedInstant('2026-01-05 10:00:00+00').toISOString(); // '2026-01-05T10:00:00.000Z'
 * storedInstant(1767607200000).toISOString(); // '2026-01-05T10:00:00.000Z'
 */
export function storedInstant(value: unknown): Date {
  const at =
    value instanceof Date
      ? value
      : typeof value === 'number' || typeof value === 'string'
        ? new Date(value)
        : new Date(Number.NaN);
  // Wrapped into the store's error family by the caller: the store handed back something that is not a time.
  if (Number.isNaN(at.getTime()))
    throw new TypeError(`a stored time reads '${String(value)}', not an instant`);
  return at;
}

/** {@link storedInstant} for a nullable column: null stays null. */
export function storedInstantOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : storedInstant(value);
}
