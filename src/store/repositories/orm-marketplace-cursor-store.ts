import type { MikroORM } from '@mikro-orm/core';
import { MarketplaceCursorSchema } from '../entities/marketplace-cursor.js';
import { guard } from '../store-error.js';
import type { MarketplaceCursor, MarketplaceCursorStore } from './marketplace-cursor-store.js';

/** `MarketplaceCursorStore` on MikroORM: one row per account, written by upsert. */
export class OrmMarketplaceCursorStore implements MarketplaceCursorStore {
  constructor(private readonly orm: MikroORM) {}

  get(partnerId: string): Promise<MarketplaceCursor | null> {
    return guard(`reading the marketplace cursor of ${partnerId}`, async () => {
      const row = await this.orm.em.fork().findOne(MarketplaceCursorSchema, { partnerId });
      return row === null ? null : { cursor: row.cursor, lastCount: row.lastCount, updatedAt: row.updatedAt };
    });
  }

  save(partnerId: string, cursor: string, count: number, at: Date = new Date()): Promise<void> {
    return guard(`saving the marketplace cursor of ${partnerId}`, async () => {
      await this.orm.em
        .fork()
        .upsert(MarketplaceCursorSchema, { partnerId, cursor, lastCount: count, updatedAt: at });
    });
  }

  clear(partnerId: string): Promise<void> {
    return guard(`clearing the marketplace cursor of ${partnerId}`, async () => {
      await this.orm.em.fork().nativeDelete(MarketplaceCursorSchema, { partnerId });
    });
  }
}
