import { EntitySchema } from '@mikro-orm/core';
import { InterchangeRecordSchema, type InterchangeRecord } from './interchange-record.js';

/** The GS/GE envelope of one functional group and its AK9 verdict. */
export interface GroupRecord {
  id: number;
  interchange: InterchangeRecord;
  /** GS01, e.g. `PO`. */
  functionalId: string;
  /** GS06. */
  controlNumber: string;
  /** GS08, e.g. `004010VICS`. */
  version: string;
  /** AK901 (`A`, `E`, `P`, `R`...). */
  outcomeCode: string;
}

export const GroupRecordSchema = new EntitySchema<GroupRecord>({
  name: 'GroupRecord',
  tableName: 'group_record',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    interchange: { kind: 'm:1', entity: () => InterchangeRecordSchema, deleteRule: 'cascade', index: true },
    functionalId: { type: 'string', length: 2 },
    controlNumber: { type: 'string', length: 9 },
    version: { type: 'string', length: 12 },
    outcomeCode: { type: 'string', length: 1 },
  },
});
