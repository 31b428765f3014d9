import type { PartnerRegistry } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import type { JobQueue } from '../job-queue.js';

/** What support operations read and write through. A running gateway's `WorkerDeps` fit as they are. */
export interface SupportDeps {
  repositories: Repositories;
  /** To read stored files with each partner's mappings (`show`). */
  partners: PartnerRegistry;
  mappingsDir?: string;
}

/** Resending and reprocessing queue jobs; reading needs no Redis. */
export interface QueueingSupportDeps extends SupportDeps {
  queues: JobQueue;
}
