import { Gauge, type Registry } from 'prom-client';
import type { CollectContext } from './store-gauges.js';

/** What the queue gauge needs of a BullMQ `Queue`. */
export interface CountedQueue {
  readonly name: string;
  getJobCounts(...states: QueueState[]): Promise<Record<string, number>>;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/**
 * `edi_queue_jobs{queue,state}`, read from Redis at each scrape for every watched queue. A queue
 * that cannot be counted is reported and left out; the others still are.
 */
export function registerQueueGauge(
  registry: Registry,
  context: CollectContext,
): { watch: (queues: readonly CountedQueue[]) => void } {
  const watched: CountedQueue[] = [];
  new Gauge({
    name: 'edi_queue_jobs',
    help: 'Jobs in each pipeline queue, by state.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    collect() {
      return context.track(async () => {
        this.reset();
        await Promise.all(
          watched.map(async (queue) => {
            try {
              const counts = await queue.getJobCounts(...QUEUE_STATES);
              for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
            } catch (error) {
              context.failed(`queue ${queue.name}`, error);
            }
          }),
        );
      });
    },
  });
  return { watch: (queues) => void watched.push(...queues) };
}
