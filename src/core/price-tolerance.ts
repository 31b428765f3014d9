import { Exact } from './exact-decimal.js';

export interface PriceComparison {
  /** Whether the buyer's price is within the tolerance of ours (the boundary counts as within). */
  withinTolerance: boolean;
  /** Buyer's price minus ours: negative when the buyer pays less. */
  difference: string;
  /** The largest difference the tolerance allows, either way. */
  allowedDifference: string;
  /** The difference in percent of our price, rounded to 2 places for people to read. */
  differencePercent: string;
}

/**
 * Compares the buyer's unit price with ours, exactly. The tolerance is a percent of our price, so
 * 9.995 against 10.00 is out at 0% and within at 0.1% (which allows 0.01).
 *
 * @example
 * comparePrice('9.995', '10.00', '0.1').withinTolerance; // true
 * comparePrice('9.995', '10.00', '0').withinTolerance;   // false
 */
export function comparePrice(
  buyerPrice: string,
  ourPrice: string,
  tolerancePercent: string,
): PriceComparison {
  const ours = new Exact(ourPrice);
  const difference = new Exact(buyerPrice).minus(ours);
  const allowed = ours.abs().times(tolerancePercent).dividedBy(100);
  const percent = ours.isZero()
    ? difference.isZero()
      ? new Exact(0)
      : new Exact(100)
    : difference.dividedBy(ours.abs()).times(100);
  return {
    withinTolerance: difference.abs().lessThanOrEqualTo(allowed),
    difference: difference.toFixed(),
    allowedDifference: allowed.toFixed(),
    differencePercent: percent.toFixed(2),
  };
}
