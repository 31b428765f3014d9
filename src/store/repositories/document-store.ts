/** A canonical document as stored, with the transaction set it was mapped from. */
export interface StoredDocument {
  id: string;
  type: string;
  partnerId: string;
  document: Record<string, unknown>;
  transactionSetId: number | null;
  createdAt: Date;
}

/** The store's port for canonical documents. */
export interface DocumentStore {
  /**
   * Stores a canonical document under its own `id`. A second document with the same id fails with
   * code `duplicate`, so a job that runs twice cannot create it twice.
   *
   * @example
   * await documents.save({ id: 'po-4500012345', type: 'purchase_order', partnerId: 'acme', ... }, setId);
   */
  save(
    document: { id: string; type: string; partnerId: string },
    transactionSetId?: number | null,
  ): Promise<void>;
  get(id: string): Promise<StoredDocument | null>;
}
