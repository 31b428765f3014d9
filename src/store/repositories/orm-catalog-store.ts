import type { MikroORM } from '@mikro-orm/core';
import type { Catalog, CatalogItem } from '../../core/index.js';
import {
  CatalogItemRecordSchema,
  CatalogReferenceSchema,
  type CatalogItemRecord,
  type CatalogReference,
} from '../entities/catalog-item-record.js';
import { guard } from '../store-error.js';
import { referenceKey } from './catalog-references.js';
import type { CatalogItemInput, CatalogStore } from './catalog-store.js';

// Ids shared by every partner are indexed under this partner id.
const EVERY_PARTNER = '';

/** `CatalogStore` on MikroORM, with an index of every id an item can be ordered by. */
export class OrmCatalogStore implements CatalogStore {
  constructor(private readonly orm: MikroORM) {}

  upsertItems(items: readonly CatalogItemInput[], at = new Date()): Promise<void> {
    return guard(`loading ${items.length} catalog item(s)`, async () => {
      if (items.length === 0) return;
      await this.orm.em.fork().transactional(async (em) => {
        const itemIds = items.map((item) => item.itemId);
        // Replaced whole, ids included: an id dropped from an item must stop finding it.
        await em.nativeDelete(CatalogReferenceSchema, { itemId: { $in: itemIds } });
        await em.nativeDelete(CatalogItemRecordSchema, { itemId: { $in: itemIds } });
        await em.insertMany(
          CatalogItemRecordSchema,
          items.map((item) => toRecord(item, at)),
        );
        const references = uniqueReferences(items.flatMap(referencesOf));
        if (references.length > 0) await em.insertMany(CatalogReferenceSchema, references);
      });
    });
  }

  get(itemId: string): Promise<CatalogItemInput | null> {
    return guard(`reading catalog item ${itemId}`, async () => {
      const row = await this.orm.em.fork().findOne(CatalogItemRecordSchema, { itemId });
      return row === null ? null : toInput(row);
    });
  }

  catalogFor(partnerId: string, ids: readonly string[]): Promise<Catalog> {
    return guard(`reading the catalog of ${partnerId}`, async () => {
      const keys = [...new Set(ids.filter((id) => id.trim() !== '').map(referenceKey))];
      if (keys.length === 0) return { items: [] };
      const em = this.orm.em.fork();
      const references = await em.find(CatalogReferenceSchema, {
        reference: { $in: keys },
        partnerId: { $in: [EVERY_PARTNER, partnerId] },
      });
      const itemIds = [...new Set(references.map((reference) => reference.itemId))];
      if (itemIds.length === 0) return { items: [] };
      const rows = await em.find(
        CatalogItemRecordSchema,
        { itemId: { $in: itemIds } },
        { orderBy: { itemId: 'asc' } },
      );
      return { items: rows.map((row) => forPartner(row, partnerId)) };
    });
  }
}

function toRecord(input: CatalogItemInput, at: Date): CatalogItemRecord {
  const { buyerPartNumbers, ...item } = input;
  return {
    itemId: item.itemId,
    item,
    buyerPartNumbers:
      buyerPartNumbers === undefined
        ? null
        : Object.fromEntries(
            Object.entries(buyerPartNumbers).map(([partner, numbers]) => [partner, [...numbers]]),
          ),
    updatedAt: at,
  };
}

function toInput(row: CatalogItemRecord): CatalogItemInput {
  return {
    ...row.item,
    ...(row.buyerPartNumbers === null ? {} : { buyerPartNumbers: row.buyerPartNumbers }),
  };
}

/** The core's item as `partnerId` orders it: its own buyer part numbers, nobody else's. */
function forPartner(row: CatalogItemRecord, partnerId: string): CatalogItem {
  const own = row.buyerPartNumbers?.[partnerId];
  return {
    ...row.item,
    crossReference: { ...row.item.crossReference, ...(own === undefined ? {} : { buyerPartNumber: own }) },
  };
}

function referencesOf(item: CatalogItemInput): CatalogReference[] {
  const shared = Object.values(item.crossReference).flatMap((values: readonly string[] | undefined) =>
    (values ?? []).map((value) => ({
      reference: referenceKey(value),
      partnerId: EVERY_PARTNER,
      itemId: item.itemId,
    })),
  );
  const own = Object.entries(item.buyerPartNumbers ?? {}).flatMap(([partnerId, values]) =>
    values.map((value) => ({ reference: referenceKey(value), partnerId, itemId: item.itemId })),
  );
  return [...shared, ...own].filter((reference) => reference.reference !== '');
}

function uniqueReferences(references: CatalogReference[]): CatalogReference[] {
  const seen = new Map(references.map((r) => [JSON.stringify([r.reference, r.partnerId, r.itemId]), r]));
  return [...seen.values()];
}
