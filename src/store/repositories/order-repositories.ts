import type { MikroORM } from '@mikro-orm/core';
import type { CatalogStore } from './catalog-store.js';
import type { InventoryStore } from './inventory-store.js';
import { OrmCatalogStore } from './orm-catalog-store.js';
import { OrmInventoryStore } from './orm-inventory-store.js';
import { OrmOrderStore } from './orm-order-store.js';
import { OrmPriceListStore } from './orm-price-list-store.js';
import type { OrderStore } from './order-store.js';
import type { PriceListStore } from './price-list-store.js';

export type * from './catalog-store.js';
export type * from './inventory-store.js';
export type * from './order-store.js';
export type * from './price-list-store.js';

/** The repositories of order processing: orders, stock, catalog and prices. */
export interface OrderRepositories {
  orders: OrderStore;
  inventory: InventoryStore;
  catalog: CatalogStore;
  priceLists: PriceListStore;
}

export function createOrderRepositories(orm: MikroORM): OrderRepositories {
  return {
    orders: new OrmOrderStore(orm),
    inventory: new OrmInventoryStore(orm),
    catalog: new OrmCatalogStore(orm),
    priceLists: new OrmPriceListStore(orm),
  };
}
