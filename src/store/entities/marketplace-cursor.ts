import { EntitySchema } from '@mikro-orm/core';

/**
 * Where the last stored pull of a marketplace account stopped, in the connector's own format: a
 * restarted process resumes after it instead of pulling everything again, or missing orders.
 */
export interface MarketplaceCursorRecord {
  partnerId: string;
  cursor: string;
  /** How many orders the pull that wrote the cursor stored, for support. */
  lastCount: number;
  updatedAt: Date;
}

export const MarketplaceCursorSchema = new EntitySchema<MarketplaceCursorRecord>({
  name: 'MarketplaceCursorRecord',
  tableName: 'marketplace_cursor',
  properties: {
    partnerId: { type: 'string', length: 64, primary: true },
    cursor: { type: 'text' },
    lastCount: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});
