import { EntitySchema } from '@mikro-orm/core';
import {
  TRANSMISSION_DIRECTIONS,
  TransmissionSchema,
  type Transmission,
  type TransmissionDirection,
} from './transmission.js';

/** The ISA/IEA envelope of one interchange inside a transmission, and the verdict on it. */
export interface InterchangeRecord {
  id: number;
  transmission: Transmission;
  direction: TransmissionDirection;
  partnerId: string | null;
  /** ISA05 / ISA06. */
  senderQualifier: string;
  senderId: string;
  /** ISA07 / ISA08. */
  receiverQualifier: string;
  receiverId: string;
  /** ISA13. */
  controlNumber: string;
  /** ISA12. */
  version: string;
  /** ISA15. */
  usage: string;
  /** ISA14 = 1. */
  ackRequested: boolean;
  /** TA1 acknowledgement code (`A`, `E`, `R`). */
  outcome: string;
  /**
   * Set on an inbound interchange whose ISA13 came round again after the partner's duplicate
   * window: it no longer counts as the original of that number.
   */
  supersededAt?: Date | null;
}

export const InterchangeRecordSchema = new EntitySchema<InterchangeRecord>({
  name: 'InterchangeRecord',
  tableName: 'interchange_record',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    transmission: { kind: 'm:1', entity: () => TransmissionSchema, deleteRule: 'cascade', index: true },
    direction: { enum: true, items: () => [...TRANSMISSION_DIRECTIONS] },
    partnerId: { type: 'string', length: 64, nullable: true },
    senderQualifier: { type: 'string', length: 2 },
    senderId: { type: 'string', length: 15 },
    receiverQualifier: { type: 'string', length: 2 },
    receiverId: { type: 'string', length: 15 },
    controlNumber: { type: 'string', length: 9 },
    version: { type: 'string', length: 5 },
    usage: { type: 'string', length: 1 },
    ackRequested: { type: 'boolean' },
    outcome: { type: 'string', length: 1 },
    supersededAt: { type: 'datetime', nullable: true },
  },
  uniques: [
    {
      // Only inbound interchanges are deduplicated: a partner that resends ISA13 is resending the
      // same interchange. A null partner (not yet identified) never collides, as SQL wants.
      name: 'interchange_record_inbound_unique',
      expression: (table, columns, indexName) =>
        `create unique index "${indexName}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ` +
        `("${columns.partnerId}", "${columns.senderId}", "${columns.controlNumber}") ` +
        `where "${columns.direction}" = 'inbound' and "${columns.supersededAt}" is null`,
    },
  ],
});
