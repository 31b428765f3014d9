import { EntitySchema } from '@mikro-orm/core';

export const CONTROL_NUMBER_LEVELS = ['ISA', 'GS', 'ST'] as const;
export type ControlNumberLevel = (typeof CONTROL_NUMBER_LEVELS)[number];

/** The last control number handed out to one partner at one envelope level. */
export interface ControlNumberCounter {
  partnerId: string;
  level: ControlNumberLevel;
  lastValue: number;
}

export const ControlNumberCounterSchema = new EntitySchema<ControlNumberCounter>({
  name: 'ControlNumberCounter',
  tableName: 'control_number_counter',
  properties: {
    partnerId: { type: 'string', length: 64, primary: true },
    level: { enum: true, items: () => [...CONTROL_NUMBER_LEVELS], primary: true },
    lastValue: { type: 'integer' },
  },
});
