export * from './entities/index.js';
export {
  openStore,
  type OpenedStore,
  type StoreConfig,
  type StoreDialect,
  type StoreOptions,
} from './orm.js';
export * from './repositories/index.js';
export { toStoreError, type StoreError, type StoreErrorCode } from './store-error.js';
