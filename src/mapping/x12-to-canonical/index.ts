export { mapTransactionSet, type MappingResult } from './map-transaction-set.js';
export { mappedTransactionSets, mapperFor } from './registry.js';
export { ElementReader } from './element-reader.js';
export type {
  DocumentHeader,
  MappingContext,
  SetMapping,
  TransactionSetMapper,
} from './transaction-set-mapper.js';
