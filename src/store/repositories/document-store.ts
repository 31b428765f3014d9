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
  /**
   * Stores every document whose id is not stored yet, in one statement, and leaves the others as
   * they are: what an interchange's documents need when its job may be running for the second
   * time. Returns how many were stored now.
   *
   * @example
   * await documents.saveNew([{ document: po, transactionSetId: 17 }]); // 1, then 0 on a rerun
   */
  saveNew(
    entries: readonly {
      document: { id: string; type: string; partnerId: string };
      transactionSetId?: number | null;
    }[],
  ): Promise<number>;
  get(id: string): Promise<StoredDocument | null>;
  /**
   * The documents with these ids, in one query; ids not stored are left out, and the order is
   * the store's.
   *
   * @example
   * const stored = await documents.getMany(batch.documentIds);
   */
  getMany(ids: readonly string[]): Promise<StoredDocument[]>;
}
