import { addDecimals, roundDecimal, subtractDecimals } from '../../canonical/index.js';

/** Digits after the point: `"90.00"` has 2, `"90"` none. */
function scaleOf(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

// Exact arithmetic drops trailing zeros ("90.00" + "0" is "90"); money reads better at the scale
// it was written in, and a sum or difference never needs more digits than its operands have.
const atScaleOf = (value: string, operands: readonly string[]): string =>
  roundDecimal(value, Math.max(0, ...operands.map(scaleOf)));

/**
 * The exact sum of amounts, written with as many decimals as the most precise of them.
 *
 * @example
 * sumAmounts('0', '90.00');     // '90.00'
 * sumAmounts('45.50', '44.5');  // '90.00'
 */
export function sumAmounts(...amounts: string[]): string {
  return atScaleOf(addDecimals(...amounts), amounts);
}

/**
 * `a - b` exactly, with as many decimals as the more precise of the two.
 *
 * @example
 * amountDifference('100.00', '90'); // '10.00'
 */
export function amountDifference(a: string, b: string): string {
  return atScaleOf(subtractDecimals(a, b), [a, b]);
}
