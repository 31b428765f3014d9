import type { FilterQuery, MikroORM } from '@mikro-orm/core';
import type { PriceEntry, PriceList } from '../../core/index.js';
import { PriceEntryRecordSchema, type PriceEntryRecord } from '../entities/price-entry-record.js';
import { guard } from '../store-error.js';
import type { PriceListEntryInput, PriceListStore } from './price-list-store.js';

/** `PriceListStore` on MikroORM. */
export class OrmPriceListStore implements PriceListStore {
  constructor(private readonly orm: MikroORM) {}

  upsertEntries(
    priceListId: string,
    entries: readonly PriceListEntryInput[],
    at = new Date(),
  ): Promise<void> {
    return guard(`loading ${entries.length} price(s) into price list ${priceListId}`, async () => {
      if (entries.length === 0) return;
      await this.orm.em.fork().transactional(async (em) => {
        for (const entry of entries) {
          const uom = entry.uom.toUpperCase();
          const key: FilterQuery<PriceEntryRecord> = {
            priceList: priceListId,
            itemId: entry.itemId,
            uom,
            partnerId: entry.partnerId ?? null,
          };
          const fields = {
            unitPrice: entry.unitPrice,
            contractNumber: entry.contractNumber ?? null,
            updatedAt: at,
          };
          const changed = await em.nativeUpdate(PriceEntryRecordSchema, key, fields);
          if (changed > 0) continue;
          await em.insert(PriceEntryRecordSchema, {
            priceList: priceListId,
            itemId: entry.itemId,
            uom,
            partnerId: entry.partnerId ?? null,
            ...fields,
          });
        }
      });
    });
  }

  priceListFor(priceListId: string, partnerId: string, itemIds?: readonly string[]): Promise<PriceList> {
    return guard(`reading price list ${priceListId} for ${partnerId}`, async () => {
      if (itemIds?.length === 0) return { entries: [] };
      const rows = await this.orm.em.fork().find(
        PriceEntryRecordSchema,
        {
          priceList: priceListId,
          $or: [{ partnerId: null }, { partnerId }],
          ...(itemIds === undefined ? {} : { itemId: { $in: [...itemIds] } }),
        },
        { orderBy: [{ itemId: 'asc' }, { uom: 'asc' }, { id: 'asc' }] },
      );
      return { entries: rows.map(toEntry) };
    });
  }
}

function toEntry(row: PriceEntryRecord): PriceEntry {
  return {
    itemId: row.itemId,
    uom: row.uom,
    unitPrice: row.unitPrice,
    ...(row.partnerId === null ? {} : { partnerId: row.partnerId }),
    ...(row.contractNumber === null ? {} : { contractNumber: row.contractNumber }),
  };
}
