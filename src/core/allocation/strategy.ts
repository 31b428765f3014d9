import type { LineAllocation } from '../acknowledge-line.js';
import type { ItemLine } from './line-fills.js';
import type { StockBook } from './stock-book.js';
import type { AllocationStrategyId } from './types.js';

/** One way of allocating: one file each, listed in `strategies.ts`. */
export interface AllocationStrategy {
  id: AllocationStrategyId;
  description: string;
  /**
   * Allocates lines that name an item and a quantity above zero, in the order given, taking from
   * `book` so that later lines see what earlier ones left.
   */
  allocate(lines: readonly ItemLine[], book: StockBook): LineAllocation[];
}
