/**
 * A group or set control number as compared across an exchange: GS06 and AK102 are numeric, and
 * partners differ on leading zeros (`000000017` against `17`), so those go. Anything that is not
 * all digits is kept as sent.
 *
 * @example
 * comparableControlNumber('000000017'); // '17'
 * comparableControlNumber('0');         // '0'
 */
export function comparableControlNumber(value: string): string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}
