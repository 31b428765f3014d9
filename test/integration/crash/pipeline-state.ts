import { QUEUE_NAMES } from '../../../src/pipeline/index.js';
import type { Harness } from '../pipeline/pipeline-harness.js';

/** How many jobs of each queue are still to run (waiting, active, delayed, retrying...). */
export async function pendingJobs(h: Harness): Promise<number> {
  const { inbound, documents, outbound } = h.pipeline.queues;
  let pending = 0;
  for (const queue of [inbound, documents, outbound]) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    pending += Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
  return pending;
}

/** Jobs that failed for good, in all queues. */
export async function failedJobs(h: Harness): Promise<number> {
  const { inbound, documents, outbound } = h.pipeline.queues;
  let failed = 0;
  for (const queue of [inbound, documents, outbound])
    failed += (await queue.getJobCounts('failed'))['failed'] ?? 0;
  return failed;
}

/** Completed jobs that ran again because the worker holding them died (their lock lapsed). */
export async function recoveredJobs(h: Harness): Promise<Record<string, number>> {
  const recovered: Record<string, number> = {};
  for (const queue of Object.values(QUEUE_NAMES)) {
    const jobs = await h.pipeline.queues[queue].getJobs(['completed'], 0, -1);
    recovered[queue] = jobs.filter((job) => job.stalledCounter > 0).length;
  }
  return recovered;
}

/** Runs SQL against the harness's own schema; `$schema` in the text is replaced by its name. */
export async function query<T>(h: Harness, sql: string, params: unknown[] = []): Promise<T[]> {
  const text = sql.replaceAll('$schema', `"${h.schema}"`);
  // `execute` is typed `any`; the callers say what the rows hold.
  return (await h.store.orm.em.getConnection().execute(text, params, 'all')) as T[];
}

/** Transmissions of one direction by status, e.g. `{ processed: 400 }`. */
export async function statusCounts(
  h: Harness,
  direction: 'inbound' | 'outbound',
): Promise<Record<string, number>> {
  const rows = await query<{ status: string; n: string }>(
    h,
    'select status, count(*) as n from $schema.transmission where direction = ? group by status',
    [direction],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Rows of a table that may not exist yet in this version of the gateway; undefined when it does not. */
export async function countIfTable(h: Harness, table: string, where = 'true'): Promise<number | undefined> {
  const [found] = await query<{ t: string | null }>(h, 'select to_regclass(?) as t', [
    `"${h.schema}".${table}`,
  ]);
  if (found?.t === null || found?.t === undefined) return undefined;
  const [row] = await query<{ n: string }>(h, `select count(*) as n from $schema.${table} where ${where}`);
  return Number(row?.n);
}

/** An outbound X12 file: its name, transaction set (997, 855...), ISA13 and whole text. */
export interface OutboundFile {
  name: string;
  set: string;
  isa13: string;
  content: string;
}

/** Reads what sits in the partner's outbox, classified by the transaction set each file carries. */
export async function outboxFiles(h: Harness): Promise<OutboundFile[]> {
  const files = await h.outboxFiles();
  return files.map(({ name, content }) => ({
    name,
    content,
    set: /~\s*ST\*(\d{3})\*/.exec(content)?.[1] ?? (content.includes('TA1*') ? 'TA1' : '?'),
    isa13: content.split('*')[13] ?? '',
  }));
}

/** The values that occur more than once, with how often. */
export function repeated(values: readonly string[]): Record<string, number> {
  const seen = new Map<string, number>();
  for (const value of values) seen.set(value, (seen.get(value) ?? 0) + 1);
  return Object.fromEntries([...seen].filter(([, n]) => n > 1));
}
