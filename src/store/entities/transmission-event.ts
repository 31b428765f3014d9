import { EntitySchema } from '@mikro-orm/core';
import {
  TRANSMISSION_STATUSES,
  TransmissionSchema,
  type Transmission,
  type TransmissionStatus,
} from './transmission.js';

/**
 * One step in a transmission's life. Rows are only ever appended, so the history survives the
 * status column being overwritten.
 */
export interface TransmissionEvent {
  id: number;
  transmission: Transmission;
  at: Date;
  status: TransmissionStatus;
  message: string | null;
}

export const TransmissionEventSchema = new EntitySchema<TransmissionEvent>({
  name: 'TransmissionEvent',
  tableName: 'transmission_event',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    transmission: { kind: 'm:1', entity: () => TransmissionSchema, deleteRule: 'cascade', index: true },
    at: { type: 'datetime' },
    status: { enum: true, items: () => [...TRANSMISSION_STATUSES] },
    message: { type: 'text', nullable: true },
  },
});
