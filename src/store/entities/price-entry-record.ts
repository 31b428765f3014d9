import { EntitySchema } from '@mikro-orm/core';

/** One price of a price list: the list price, or a partner's contract price when `partnerId` is set. */
export interface PriceEntryRecord {
  id: number;
  priceList: string;
  itemId: string;
  /** Upper case, as X12 unit codes are. */
  uom: string;
  partnerId: string | null;
  /** Kept as text in both dialects: a price is never computed in SQL, and must come back as sent. */
  unitPrice: string;
  contractNumber: string | null;
  updatedAt: Date;
}

export const PriceEntryRecordSchema = new EntitySchema<PriceEntryRecord>({
  name: 'PriceEntryRecord',
  tableName: 'price_entry',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    priceList: { type: 'string', length: 64 },
    itemId: { type: 'string', length: 64 },
    uom: { type: 'string', length: 8 },
    partnerId: { type: 'string', length: 64, nullable: true },
    unitPrice: { type: 'string', length: 32 },
    contractNumber: { type: 'string', length: 64, nullable: true },
    updatedAt: { type: 'datetime' },
  },
});
