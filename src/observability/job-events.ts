import type { Logger } from './logger.js';
import type { GatewayMetrics, JobOutcome } from './metrics.js';

/** What a job event carries that logging needs; a BullMQ `Job` has all of it. */
export interface ObservedJob {
  id?: string | undefined;
  name: string;
  data: unknown;
  attemptsMade: number;
  opts: { attempts?: number | undefined };
  processedOn?: number | undefined;
  finishedOn?: number | undefined;
}

/**
 * How a failed run ended: `retried` when BullMQ runs it again, `gave-up` when its attempts are
 * spent, `failed` when the error is permanent (an `UnrecoverableError` is never retried). Known by
 * its name, which BullMQ sets, so that logging does not load the queue library.
 *
 * @example
 * failureOutcome({ attemptsMade: 2, opts: { attempts: 5 } }, new Error('ECONNRESET')); // 'retried'
 */
export function failureOutcome(
  job: Pick<ObservedJob, 'attemptsMade' | 'opts'>,
  error: Error,
): Exclude<JobOutcome, 'completed'> {
  if (error.name === 'UnrecoverableError') return 'failed';
  return job.attemptsMade >= (job.opts.attempts ?? 1) ? 'gave-up' : 'retried';
}

/** The ids a job's data names, as log fields: jobs carry ids, never payloads. */
export function jobFields(queue: string, job: ObservedJob): Record<string, string | number> {
  const fields: Record<string, string | number> = { queue, jobName: job.name, attempt: job.attemptsMade };
  if (job.id !== undefined) fields['jobId'] = job.id;
  const data = job.data;
  if (typeof data === 'object' && data !== null) {
    for (const key of ['transmissionId', 'documentId', 'batchId', 'partnerId'] as const) {
      const value = (data as Record<string, unknown>)[key];
      if (typeof value === 'string') fields[key] = value;
    }
  }
  return fields;
}

/** One line (level, fields, message) about a finished run; pure, so it can be tested alone. */
export interface JobEventLine {
  level: 'debug' | 'warn' | 'error';
  outcome: JobOutcome;
  fields: Record<string, unknown>;
  message: string;
}

/**
 * The line a finished run gives: completed at debug (the steps log what they did), a retry at
 * warn, a permanent failure or a give-up at error, with the attempts and the error.
 *
 * @example
 * jobEventLine('outbound', job, new Error('timeout')); // { level: 'warn', outcome: 'retried', ... }
 */
export function jobEventLine(queue: string, job: ObservedJob, error?: Error): JobEventLine {
  const fields: Record<string, unknown> = { ...jobFields(queue, job) };
  const attempts = job.opts.attempts ?? 1;
  if (error === undefined) {
    return {
      level: 'debug',
      outcome: 'completed',
      fields: { ...fields, outcome: 'completed' },
      message: `${queue} job ${job.id ?? job.name} completed`,
    };
  }
  const outcome = failureOutcome(job, error);
  const withError = { ...fields, outcome, attempts, err: error };
  const what = `${queue} job ${job.id ?? job.name}`;
  if (outcome === 'retried') {
    return {
      level: 'warn',
      outcome,
      fields: withError,
      message: `${what} failed (attempt ${job.attemptsMade} of ${attempts}), retried: ${error.message}`,
    };
  }
  if (outcome === 'gave-up') {
    return {
      level: 'error',
      outcome,
      fields: withError,
      message: `${what} gave up after ${job.attemptsMade} attempt(s): ${error.message}`,
    };
  }
  return { level: 'error', outcome, fields: withError, message: `${what} failed for good: ${error.message}` };
}

/** The subset of a BullMQ `Worker` that is observed. */
export interface ObservableWorker<J extends ObservedJob = ObservedJob> {
  on(event: 'completed', listener: (job: J) => void): unknown;
  on(event: 'failed', listener: (job: J | undefined, error: Error) => void): unknown;
}

/**
 * Logs every run of a worker's jobs that fails, is retried or gives up (completed runs at
 * debug), and counts and times every run (`edi_jobs_total`, `edi_job_duration_seconds`).
 *
 * @example
 * observeWorker(outboundWorker, 'outbound', { logger, metrics });
 */
export function observeWorker(
  worker: ObservableWorker,
  queue: string,
  deps: {
    logger: Logger;
    metrics?: GatewayMetrics | undefined;
    /** False where the caller logs failures itself, with more to say. Default true. */
    logFailures?: boolean;
  },
): void {
  const record = (job: ObservedJob, error?: Error) => {
    const line = jobEventLine(queue, job, error);
    if (error === undefined || deps.logFailures !== false) deps.logger[line.level](line.fields, line.message);
    if (deps.metrics === undefined) return;
    deps.metrics.jobs.inc({ queue, outcome: line.outcome });
    if (job.processedOn !== undefined && job.finishedOn !== undefined) {
      const seconds = Math.max(0, job.finishedOn - job.processedOn) / 1000;
      deps.metrics.jobDuration.observe({ queue, outcome: line.outcome }, seconds);
    }
  };
  worker.on('completed', (job) => record(job));
  worker.on('failed', (job, error) => {
    if (job !== undefined) record(job, error);
    else if (deps.logFailures !== false)
      deps.logger.error({ queue, err: error }, `${queue} job failed: ${error.message}`);
  });
}
