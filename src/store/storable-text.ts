/**
 * Text as PostgreSQL takes it: a NUL character (which a partner's file can carry into an error
 * message that quotes it) is refused in `text` and `jsonb` columns, so it is written as the six
 * characters `\u0000`, which support can still see.
 *
 * @example
 * storableText('ISA12 "00\u0000401" is not a version'); // 'ISA12 "00\\u0000401" is not a version'
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\\u0000') : text;
}

/** {@link storableText} applied to every string in a JSON value, keys included. */
export function storableJson<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => storableJson(item)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableText(key), storableJson(item)]),
    ) as T;
  return value;
}
