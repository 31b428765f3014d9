import { Router } from 'express';
import type { WorkerDeps } from '../pipeline/index.js';
import { badRequest, validateRequest } from './request-validation.js';
import { CatalogLoadSchema, InventoryLoadSchema, PriceListLoadSchema } from './schemas/master-data.js';
import { Identifier } from './schemas/fields.js';

/** Refuses a load that names the same thing twice: which of the two was meant cannot be told. */
function refuseRepeats<T>(
  entries: readonly T[],
  key: (entry: T) => string,
  path: string,
  field: string,
): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const k = key(entry);
    const first = seen.get(k);
    if (first !== undefined) throw badRequest(`${path}/${index}/${field}: repeats entry ${first} (${k})`);
    seen.set(k, index);
  });
}

/**
 * Loads of the data orders are checked and allocated against. Each is an upsert: what is given
 * is created or replaced, what is not given is kept.
 * - `PUT /api/catalog` with `{ items: [...] }`.
 * - `PUT /api/price-lists/:id` with `{ entries: [...] }`.
 * - `PUT /api/inventory` with `{ levels: [{ itemId, locationId, kind, onHand }] }`: sets on-hand;
 *   what orders have committed is kept.
 *
 * @example
 * app.use('/api', masterDataRoutes(services));
 */
export function masterDataRoutes(services: WorkerDeps): Router {
  const router = Router();
  const { repositories } = services;

  router.put('/catalog', async (req, res) => {
    const { items } = validateRequest(CatalogLoadSchema, req.body, 'body');
    refuseRepeats(items, (item) => item.itemId, 'body/items', 'itemId');
    await repositories.catalog.upsertItems(items);
    res.json({ upserted: items.length });
  });

  router.put('/price-lists/:id', async (req, res) => {
    const priceListId = validateRequest(Identifier, req.params.id, 'path/id');
    const { entries } = validateRequest(PriceListLoadSchema, req.body, 'body');
    refuseRepeats(
      entries,
      (entry) => [entry.itemId, entry.uom.toUpperCase(), entry.partnerId ?? '(list price)'].join(' '),
      'body/entries',
      'itemId',
    );
    await repositories.priceLists.upsertEntries(priceListId, entries);
    res.json({ priceList: priceListId, upserted: entries.length });
  });

  router.put('/inventory', async (req, res) => {
    const { levels } = validateRequest(InventoryLoadSchema, req.body, 'body');
    refuseRepeats(levels, (level) => `${level.itemId} at ${level.locationId}`, 'body/levels', 'locationId');
    await repositories.inventory.upsertLevels(levels);
    res.json({ upserted: levels.length });
  });

  return router;
}
