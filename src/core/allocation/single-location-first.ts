import { backorderAll, fillFrom, wholeLineFrom } from './line-fills.js';
import type { AllocationStrategy } from './strategy.js';

/**
 * Each line ships from one location, never split: the first location in preference order that
 * can fill it, else the one with the most available (the earlier one on a tie) ships what it has
 * and backorders the rest there. Splitting a line is what `split-allowed` is for.
 */
export const singleLocationFirst: AllocationStrategy = {
  id: 'single-location-first',
  description: 'Ship each line whole from one location; never split a line.',
  allocate(lines, book) {
    return lines.flatMap((line) => {
      const locations = book.locationsFor(line.itemId);
      const whole = wholeLineFrom(book, line, locations);
      if (whole !== undefined) return fillFrom(book, line, whole);
      let best: string | undefined;
      for (const locationId of locations) {
        const available = book.available(line.itemId, locationId);
        if (best === undefined || available.gt(book.available(line.itemId, best))) best = locationId;
      }
      return best === undefined ? backorderAll(line, locations) : fillFrom(book, line, best);
    });
  },
};
