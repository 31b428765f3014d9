/**
 * Whether a count element (SE01, GE01, IEA01: type N0) states `expected`. They are numbers, not
 * text: translators pad them with zeros (`0000000026` for 26 segments), which the standard allows
 * up to the element's maximum length. Anything but 1 to `maxLength` digits states nothing.
 *
 * @example
 * countStates('0000000026', 26, 10); // true
 * countStates('26 ', 26, 10); // false
 */
export function countStates(text: string, expected: number, maxLength: number): boolean {
  if (text.length === 0 || text.length > maxLength || !/^\d+$/.test(text)) return false;
  return Number(text) === expected;
}

/** The maximum lengths of the count elements the reader checks, from the X12 envelope specs. */
export const COUNT_MAX_LENGTH = { SE01: 10, GE01: 6, IEA01: 5 } as const;
