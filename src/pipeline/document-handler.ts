import type { StoredDocument } from '../store/index.js';
import type { WorkerDeps } from './pipeline-deps.js';

/** What the core made of one document, for the job's result and the logs. */
export interface DocumentOutcome {
  /** A short verb: `accepted`, `held`, `reconciled`, `matched`, `ignored`... */
  action: string;
  message: string;
}

/**
 * Acts on one stored canonical document. Must be idempotent: the documents queue may run it again
 * after a crash, and it must then change nothing and send nothing twice.
 */
export type DocumentHandler = (document: StoredDocument, deps: WorkerDeps) => Promise<DocumentOutcome>;
