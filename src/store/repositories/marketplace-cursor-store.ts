/** A marketplace account's stored pull position. */
export interface MarketplaceCursor {
  cursor: string;
  lastCount: number;
  updatedAt: Date;
}

/**
 * Where each marketplace account's pull stopped. A cursor is saved only once the orders of the
 * page it follows are stored, so a restart pulls nothing twice that it can skip, and loses none.
 */
export interface MarketplaceCursorStore {
  get(partnerId: string): Promise<MarketplaceCursor | null>;
  save(partnerId: string, cursor: string, count: number, at?: Date): Promise<void>;
  /** Forgets the cursor: the next pull starts over from the partner's first-pull window. */
  clear(partnerId: string): Promise<void>;
}
