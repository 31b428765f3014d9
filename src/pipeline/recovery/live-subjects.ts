import type { JobData, JobQueue, QueueName } from '../job-queue.js';

type LiveBySubject = Map<string, { jobId: string; stalled: boolean }[]>;

/**
 * What the sweep must leave alone on one queue: subjects (transmissions, documents, batches) for
 * which a job will still run, under their own job id or another one (a resend, a reprocess).
 *
 * @example
 * const live = new LiveSubjects(queues, 'inbound', (job) => [job.transmissionId]);
 * if (!(await live.busy([id], inboundJobId(id)))) await queues.requeue(...);
 */
export class LiveSubjects<Q extends QueueName> {
  private loaded: Promise<LiveBySubject> | undefined;

  constructor(
    private readonly queues: JobQueue,
    private readonly queue: Q,
    private readonly subjectsOf: (data: JobData[Q]) => readonly string[],
  ) {}

  /**
   * True when a job will still run for one of the subjects: `jobId` itself waiting, delayed or
   * running under its lock, or another job that is (a stalled one under another id too: BullMQ's
   * stalled check puts it back). A stalled `jobId` is the sweep's to restart. The queue's live
   * jobs are read only when `jobId` is not live itself, and once: a long queue of waiting work
   * costs one look per job the sweep considers, not a read of the whole queue.
   */
  async busy(subjects: readonly string[], jobId: string): Promise<boolean> {
    if ((await this.queues.jobState(this.queue, jobId)) === 'live') return true;
    const live = await (this.loaded ??= this.load());
    return subjects.some((subject) =>
      (live.get(subject) ?? []).some((job) => !job.stalled || job.jobId !== jobId),
    );
  }

  private async load(): Promise<LiveBySubject> {
    const jobs: LiveBySubject = new Map();
    for (const job of await this.queues.liveJobs(this.queue)) {
      for (const subject of this.subjectsOf(job.data)) {
        jobs.set(subject, [...(jobs.get(subject) ?? []), { jobId: job.jobId, stalled: job.stalled }]);
      }
    }
    return jobs;
  }
}
