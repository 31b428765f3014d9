import type { Decimal } from 'decimal.js';
import { Exact } from '../exact-decimal.js';
import { fillAcross, fillFrom, wholeLineFrom, type ItemLine } from './line-fills.js';
import type { StockBook } from './stock-book.js';
import type { AllocationStrategy } from './strategy.js';

/** Whether one location can ship every line at once (lines of one item add up). */
function shipsComplete(book: StockBook, lines: readonly ItemLine[], locationId: string): boolean {
  const needed = new Map<string, Decimal>();
  for (const line of lines)
    needed.set(line.itemId, (needed.get(line.itemId) ?? new Exact(0)).plus(line.quantity));
  return [...needed].every(([itemId, quantity]) => book.available(itemId, locationId).gte(quantity));
}

/**
 * The partner's locations are a ranking, and the order should ship complete from as high up it
 * as possible: the whole order from the highest-ranked location that can fill every line; when
 * none can, each line whole from the highest-ranked location that can fill it; when none can,
 * the line is filled down the ranking and the rest backordered at the top location.
 */
export const priority: AllocationStrategy = {
  id: 'priority',
  description:
    'Ship the order complete from the highest-ranked location that can; else line by line down the ranking.',
  allocate(lines, book) {
    const [first] = lines;
    if (first === undefined) return [];
    const ranking = book.locationsFor(first.itemId);
    const complete = ranking.find((locationId) => shipsComplete(book, lines, locationId));
    if (complete !== undefined) return lines.flatMap((line) => fillFrom(book, line, complete));
    return lines.flatMap((line) => {
      const locations = book.locationsFor(line.itemId);
      const whole = wholeLineFrom(book, line, locations);
      return whole === undefined ? fillAcross(book, line, locations) : fillFrom(book, line, whole);
    });
  },
};
