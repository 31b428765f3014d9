/** A batch to open when an interchange is read. */
export interface NewOutboundBatch {
  id: string;
  partnerId: string;
  setId: string;
  expected: number;
}

/** How joining a batch went. */
export type JoinOutcome =
  /** In the batch (now, or by an earlier run); `complete` once every expected order joined. */
  | { joined: true; complete: boolean }
  /** Sealed before this order joined, or never opened: its answer goes out on its own. */
  | { joined: false };

/** The members of a sealed batch, in the order they joined. */
export interface SealedBatch {
  id: string;
  partnerId: string;
  setId: string;
  sealedAt: Date;
  items: { documentId: string; answerDocumentId: string | null }[];
}

/** The store's port for answers gathered to go out together. */
export interface OutboundBatchStore {
  /**
   * Opens a batch unless it exists (a rerun of the job that read the interchange).
   *
   * @example
   * await batches.open({ id: 'po-acks-<transmission>-000000905', partnerId: 'acme', setId: '855', expected: 3 });
   */
  open(batch: NewOutboundBatch): Promise<void>;
  /**
   * Adds one order's share, once: a second call for the same document changes nothing and tells
   * where it stands. The batch's row is locked for the count, so a share either joins before the
   * batch is sealed or learns it is too late; none joins a sealed batch unseen.
   */
  join(batchId: string, documentId: string, answerDocumentId: string | null): Promise<JoinOutcome>;
  /**
   * Seals the batch (at `at`, unless sealed before) and returns its members, which are fixed from
   * then on; null when there is no such batch.
   */
  seal(batchId: string, at?: Date): Promise<SealedBatch | null>;
  /** `open` while shares can join, `sealed` once its members are fixed, null when never opened. */
  stateOf(batchId: string): Promise<'open' | 'sealed' | null>;
  /** The batch an answer joined, or null: an answer joins one batch at most. */
  batchOf(answerDocumentId: string): Promise<string | null>;
}
