import { EntitySchema } from '@mikro-orm/core';
import { GroupRecordSchema, type GroupRecord } from './group-record.js';

/** The ST/SE envelope of one transaction set and its AK5 verdict. */
export interface TransactionSetRecord {
  id: number;
  group: GroupRecord;
  /** ST01, e.g. `850`. */
  setId: string;
  /** ST02. */
  controlNumber: string;
  /** AK501 (`A`, `E`, `R`...). */
  outcomeCode: string;
  errorCount: number;
}

export const TransactionSetRecordSchema = new EntitySchema<TransactionSetRecord>({
  name: 'TransactionSetRecord',
  tableName: 'transaction_set_record',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    group: { kind: 'm:1', entity: () => GroupRecordSchema, deleteRule: 'cascade', index: true },
    setId: { type: 'string', length: 3 },
    controlNumber: { type: 'string', length: 9 },
    outcomeCode: { type: 'string', length: 1 },
    errorCount: { type: 'integer', default: 0 },
  },
});
