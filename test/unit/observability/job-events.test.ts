import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  createGatewayMetrics,
  createLogger,
  failureOutcome,
  jobEventLine,
  observeWorker,
  type ObservableWorker,
  type ObservedJob,
} from '../../../src/observability/index.js';
import { captureLines } from './capture-stream.js';

const job = (attemptsMade: number, attempts = 3): ObservedJob => ({
  id: 'inbound-t1',
  name: 'read',
  data: { transmissionId: 't1', holdAcknowledgementsMs: 10 },
  attemptsMade,
  opts: { attempts },
  processedOn: 1_000,
  finishedOn: 1_250,
});

describe('job outcomes', () => {
  it('is retried while attempts remain, gives up when they are spent, fails at once when permanent', () => {
    expect(failureOutcome(job(1), new Error('ECONNRESET'))).toBe('retried');
    expect(failureOutcome(job(3), new Error('ECONNRESET'))).toBe('gave-up');
    expect(failureOutcome(job(1), new UnrecoverableError('not-found: gone'))).toBe('failed');
    expect(failureOutcome({ attemptsMade: 1, opts: {} }, new Error('x'))).toBe('gave-up');
  });

  it('builds lines that carry the job id and the ids its data names', () => {
    const retried = jobEventLine('inbound', job(1), new Error('timeout'));
    expect(retried).toMatchObject({
      level: 'warn',
      outcome: 'retried',
      fields: { queue: 'inbound', jobId: 'inbound-t1', transmissionId: 't1', attempt: 1, attempts: 3 },
      message: 'inbound job inbound-t1 failed (attempt 1 of 3), retried: timeout',
    });
    expect(retried.fields).not.toHaveProperty('holdAcknowledgementsMs');
    expect(jobEventLine('inbound', job(3), new Error('timeout'))).toMatchObject({
      level: 'error',
      outcome: 'gave-up',
      message: 'inbound job inbound-t1 gave up after 3 attempt(s): timeout',
    });
    expect(jobEventLine('inbound', job(1))).toMatchObject({ level: 'debug', outcome: 'completed' });
  });
});

describe('observeWorker', () => {
  it('logs and counts what the worker events report', async () => {
    const listeners: Record<string, (...args: never[]) => void> = {};
    const worker = {
      on: (event: string, listener: (...args: never[]) => void) => (listeners[event] = listener),
    } as unknown as ObservableWorker;
    const { stream, lines } = captureLines();
    const metrics = createGatewayMetrics({ processMetrics: false });
    observeWorker(worker, 'outbound', {
      logger: createLogger({ level: 'info', destination: stream }),
      metrics,
    });
    const emit = (event: string, ...args: unknown[]) =>
      (listeners[event] as (...a: unknown[]) => void)(...args);
    emit('completed', job(1));
    emit('failed', job(1), new Error('refused'));
    emit('failed', job(3), new Error('refused'));
    emit('failed', job(1), new UnrecoverableError('no partner'));

    expect(lines().map((l) => [l['level'], l['outcome'], l['jobId'], l['transmissionId']])).toEqual([
      [40, 'retried', 'inbound-t1', 't1'],
      [50, 'gave-up', 'inbound-t1', 't1'],
      [50, 'failed', 'inbound-t1', 't1'],
    ]);
    const text = await metrics.registry.metrics();
    for (const outcome of ['completed', 'retried', 'gave-up', 'failed']) {
      expect(text).toContain(`edi_jobs_total{queue="outbound",outcome="${outcome}"} 1`);
    }
    expect(text).toContain('edi_job_duration_seconds_sum{queue="outbound",outcome="completed"} 0.25');
  });
});
