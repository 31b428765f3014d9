import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for money and quantities. Values travel as strings (`"12.50"`) and are only
 * turned into `Decimal` for a calculation, never into a JavaScript number: 0.1 + 0.2 must be 0.3.
 */

// Enough significant digits that no realistic quantity times price is ever rounded.
const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });

const REAL = /^(-?)(\d*)(?:\.(\d*))?$/;
const REAL_EXPONENT = /^-?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const IMPLIED = /^(-?)(\d+)$/;
const CANONICAL = /^-?\d+(\.\d+)?$/;

/** Whether `value` is a canonical decimal string (`-?\d+(\.\d+)?`). */
export function isDecimalString(value: string): boolean {
  return CANONICAL.test(value);
}

/**
 * An X12 `R` (real) value as a canonical decimal string, or `undefined` where it is not a number.
 * The scale is kept as sent (`"1.000"` stays `"1.000"`); leading zeros and a bare point go.
 *
 * @example
 * parseX12Real('0008'); // '8'
 * parseX12Real('.5');   // '0.5'
 * parseX12Real('-143.76'); // '-143.76'
 * parseX12Real('12A');  // undefined
 */
export function parseX12Real(raw: string): string | undefined {
  const m = REAL.exec(raw);
  if (m) {
    const [, sign = '', whole = '', fraction = ''] = m;
    if (whole === '' && fraction === '') return undefined;
    return signed(sign, whole, fraction);
  }
  // 00501 and later allow exponential notation in R elements.
  if (REAL_EXPONENT.test(raw)) return new Exact(raw).toFixed();
  return undefined;
}

/**
 * An X12 `Nn` value (digits with `places` implied decimals, e.g. TDS01 is N2) as a canonical
 * decimal string with exactly `places` decimals, or `undefined` where it is not numeric.
 *
 * @example
 * parseX12Implied('36596', 2); // '365.96'
 * parseX12Implied('-5', 2);    // '-0.05'
 * parseX12Implied('0008', 0);  // '8'
 */
export function parseX12Implied(raw: string, places: number): string | undefined {
  const m = IMPLIED.exec(raw);
  if (!m) return undefined;
  const [, sign = '', digits = ''] = m;
  const padded = digits.padStart(places + 1, '0');
  const cut = padded.length - places;
  return signed(sign, padded.slice(0, cut), padded.slice(cut));
}

function signed(sign: string, whole: string, fraction: string): string {
  const intPart = whole.replace(/^0+(?=\d)/, '') || '0';
  const text = fraction === '' ? intPart : `${intPart}.${fraction}`;
  const zero = /^[0.]*$/.test(text);
  return sign === '-' && !zero ? `-${text}` : text;
}

/** The sum of decimal strings, exactly. `addDecimals()` is `"0"`. */
export function addDecimals(...values: string[]): string {
  return values.reduce((sum, v) => sum.plus(v), new Exact(0)).toFixed();
}

/** `a - b`, exactly. */
export function subtractDecimals(a: string, b: string): string {
  return new Exact(a).minus(b).toFixed();
}

/**
 * `a * b`, exactly.
 *
 * @example
 * multiplyDecimals('120', '9.25'); // '1110'
 */
export function multiplyDecimals(a: string, b: string): string {
  return new Exact(a).times(b).toFixed();
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b` (`"1.50"` equals `"1.5"`). */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  return new Exact(a).comparedTo(b) as -1 | 0 | 1;
}

/** Whether two decimal strings denote the same number. */
export function decimalsEqual(a: string, b: string): boolean {
  return compareDecimals(a, b) === 0;
}

/**
 * `value` rounded half-up to exactly `places` decimals.
 *
 * @example
 * roundDecimal('2.345', 2); // '2.35'
 * roundDecimal('6', 2);     // '6.00'
 */
export function roundDecimal(value: string, places: number): string {
  return new Exact(value).toFixed(places, Decimal.ROUND_HALF_UP);
}

/**
 * `a / b`: exact when the quotient ends within `places` decimals, else rounded half-up to them.
 * Trailing zeros are dropped.
 *
 * @example
 * divideDecimals('25.98', '2', 4); // '12.99'
 * divideDecimals('10', '3', 4);    // '3.3333'
 */
export function divideDecimals(a: string, b: string, places: number): string {
  return new Exact(a).dividedBy(b).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}

/** `value` times 10^places as an integer string: the X12 `Nn` form of a canonical amount. */
export function toX12Implied(value: string, places: number): string {
  return new Exact(value).times(new Exact(10).pow(places)).toFixed(0, Decimal.ROUND_HALF_UP);
}
