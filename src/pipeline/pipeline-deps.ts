import type { GatewayMetrics, Logger } from '../observability/index.js';
import type { PartnerRegistry } from '../partners/index.js';
import type { Repositories } from '../store/index.js';
import type { JobQueue } from './job-queue.js';

/** What the workers need; one set is shared by every job of a process. */
export interface WorkerDeps<Queues extends JobQueue = JobQueue> {
  repositories: Repositories;
  partners: PartnerRegistry;
  queues: Queues;
  /** Mapping files; default: the ones shipped with the gateway. */
  mappingsDir?: string;
  /** The clock written into acknowledgements. Default: the system clock. */
  now?: () => Date;
  /** How long a batch of 855s waits for its last order. Default 15 minutes. */
  batchDeadlineMs?: number;
  /** Where the steps of a job say what they did. */
  logger?: Logger;
  metrics?: GatewayMetrics;
}
