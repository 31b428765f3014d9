import { fillAcross } from './line-fills.js';
import type { AllocationStrategy } from './strategy.js';

/**
 * Each line takes what each location has, in preference order, until it is filled: the preferred
 * location is emptied before the next is touched, even when a later one could ship the whole line.
 * The rest is backordered at the preferred location.
 */
export const splitAllowed: AllocationStrategy = {
  id: 'split-allowed',
  description: 'Fill each line across locations in preference order; split lines freely.',
  allocate(lines, book) {
    return lines.flatMap((line) => fillAcross(book, line, book.locationsFor(line.itemId)));
  },
};
