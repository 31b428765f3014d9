import { MarketplaceError } from '../marketplace-error.js';

/**
 * The lines of a shipment or cancellation as Shopify line item ids and whole quantities, summed
 * where a line is named twice. Shopify counts units in integers, so `"2"` and `"2.000"` are 2
 * and `"1.5"` is refused before any call, as is an id that is not a Shopify line item id (the
 * `LI` reference of the mapped order line).
 *
 * @example
 * wholeQuantities([{ lineId: '466157049', quantity: '2.0' }], 'partner acme: confirmShipment of 450789469');
 * // Map { '466157049' => 2 }
 */
export function wholeQuantities(
  lines: readonly { lineId: string; quantity: string }[],
  doing: string,
): Map<string, number> {
  if (lines.length === 0) throw MarketplaceError.refused(`${doing}: no lines were given`);
  const wanted = new Map<string, number>();
  for (const line of lines) {
    if (!/^[1-9]\d*$/.test(line.lineId))
      throw MarketplaceError.refused(
        `${doing}: line id ${JSON.stringify(line.lineId)} is not a Shopify line item id (the order line's LI reference)`,
      );
    const match = /^(\d+)(?:\.0+)?$/.exec(line.quantity.trim());
    const quantity = match === null ? Number.NaN : Number(match[1]);
    if (!Number.isSafeInteger(quantity) || quantity < 1)
      throw MarketplaceError.refused(
        `${doing}: line ${line.lineId} quantity ${JSON.stringify(line.quantity)} is not a whole number of at least 1 (Shopify counts whole units)`,
      );
    wanted.set(line.lineId, (wanted.get(line.lineId) ?? 0) + quantity);
  }
  return wanted;
}
