import { Decimal } from 'decimal.js';

/**
 * decimal.js at the canonical model's precision (64 significant digits), for the operations the
 * canonical helpers do not offer (division, modulo, absolute value). Values still travel as strings.
 */
export const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
