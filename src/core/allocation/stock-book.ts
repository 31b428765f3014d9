import type { Decimal } from 'decimal.js';
import { Exact } from '../exact-decimal.js';
import type { AllocationRules, LocationKind, StockAtLocation } from './types.js';

// Without a partner list, our own DCs ship before a 3PL, and a 3PL before a drop-shipper.
const KIND_RANK: Record<LocationKind, number> = { dc: 0, '3pl': 1, dropship: 2 };

/**
 * Available-to-promise while an order is being allocated. Each line takes from it, so later lines
 * of the same order see what earlier lines left.
 */
export class StockBook {
  readonly #available = new Map<string, Decimal>();
  readonly #byItem = new Map<string, StockAtLocation[]>();

  constructor(
    stock: readonly StockAtLocation[],
    private readonly rules: AllocationRules,
  ) {
    for (const entry of stock) {
      const amount = new Exact(entry.available);
      this.#available.set(key(entry.itemId, entry.locationId), amount.isNegative() ? new Exact(0) : amount);
      const held = this.#byItem.get(entry.itemId) ?? [];
      held.push(entry);
      this.#byItem.set(entry.itemId, held);
    }
  }

  available(itemId: string, locationId: string): Decimal {
    return this.#available.get(key(itemId, locationId)) ?? new Exact(0);
  }

  take(itemId: string, locationId: string, quantity: Decimal): void {
    this.#available.set(key(itemId, locationId), this.available(itemId, locationId).minus(quantity));
  }

  /**
   * The locations an item may ship from, best first: the partner's list when it has one (only
   * those, whether or not they hold the item), otherwise every location holding it, by kind and id.
   */
  locationsFor(itemId: string): string[] {
    if (this.rules.locations !== undefined && this.rules.locations.length > 0)
      return [...this.rules.locations];
    return (this.#byItem.get(itemId) ?? [])
      .slice()
      .sort(
        (a, b) =>
          KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
          (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0),
      )
      .map((entry) => entry.locationId);
  }
}

function key(itemId: string, locationId: string): string {
  return JSON.stringify([itemId, locationId]);
}
