import { Type } from '@sinclair/typebox';
import type { WorkerDeps } from '../pipeline/index.js';
import { badRequest } from './request-validation.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject } from './routing/common-schemas.js';
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
 * Loads of the data orders are checked and allocated against (admin). Each is an upsert: what is
 * given is created or replaced, what is not given is kept.
 * - `PUT /api/catalog` with `{ items: [...] }`.
 * - `PUT /api/price-lists/:id` with `{ entries: [...] }`.
 * - `PUT /api/inventory` with `{ levels: [{ itemId, locationId, kind, onHand }] }`: sets on-hand;
 *   what orders have committed is kept.
 * Each load is audited under the caller.
 *
 * @example
 * app.use('/api', masterDataRoutes(catalog, services).express);
 */
export function masterDataRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api');
  const { repositories } = services;
  const tags = ['master data'];
  const loaded = { 200: { description: 'how many entries were upserted', schema: AnyObject } };
  const audit = (actor: string, subjectType: string, subjectId: string, count: number) =>
    repositories.audit.record({
      actor,
      action: 'master-data-loaded',
      subjectType,
      subjectId,
      details: { count },
    });

  routes.define(
    {
      method: 'put',
      path: '/catalog',
      summary: 'Create or replace catalog items',
      tags,
      role: 'admin',
      body: CatalogLoadSchema,
      responses: loaded,
    },
    async ({ res, body, actor }) => {
      const { items } = body;
      refuseRepeats(items, (item) => item.itemId, 'body/items', 'itemId');
      await repositories.catalog.upsertItems(items);
      await audit(actor, 'catalog', 'items', items.length);
      res.json({ upserted: items.length });
    },
  );

  routes.define(
    {
      method: 'put',
      path: '/price-lists/:id',
      summary: 'Create or replace entries of a price list',
      tags,
      role: 'admin',
      params: Type.Object({ id: Identifier }, { additionalProperties: false }),
      body: PriceListLoadSchema,
      responses: loaded,
    },
    async ({ res, params, body, actor }) => {
      const { entries } = body;
      refuseRepeats(
        entries,
        (entry) => [entry.itemId, entry.uom.toUpperCase(), entry.partnerId ?? '(list price)'].join(' '),
        'body/entries',
        'itemId',
      );
      await repositories.priceLists.upsertEntries(params.id, entries);
      await audit(actor, 'price-list', params.id, entries.length);
      res.json({ priceList: params.id, upserted: entries.length });
    },
  );

  routes.define(
    {
      method: 'put',
      path: '/inventory',
      summary: 'Set on-hand quantities',
      tags,
      role: 'admin',
      body: InventoryLoadSchema,
      responses: loaded,
    },
    async ({ res, body, actor }) => {
      const { levels } = body;
      refuseRepeats(levels, (level) => `${level.itemId} at ${level.locationId}`, 'body/levels', 'locationId');
      await repositories.inventory.upsertLevels(levels);
      await audit(actor, 'inventory', 'levels', levels.length);
      res.json({ upserted: levels.length });
    },
  );
  return routes;
}
