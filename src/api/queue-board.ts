import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { PipelineQueues } from '../pipeline/index.js';

/**
 * A read-only view of the pipeline's queues (bull-board): depth, jobs and their failures. Read
 * only, because a retry or a removal from here would bypass the audit trail; resends and
 * reprocessing go through the audited API. The caller mounts it behind authentication.
 *
 * @example
 * app.use('/console/queues', authenticate(deps), requireRole('viewer'), queueBoard(queues, '/console/queues'));
 */
export function queueBoard(queues: PipelineQueues, basePath: string): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  const options = { readOnlyMode: true, allowRetries: false };
  createBullBoard({
    queues: [queues.inbound, queues.documents, queues.outbound, queues.polls].map(
      (queue) => new BullMQAdapter(queue, options),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'edi-gateway queues' } },
  });
  return serverAdapter.getRouter() as Router;
}
