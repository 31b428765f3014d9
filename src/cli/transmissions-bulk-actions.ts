import {
  bulkReprocess,
  bulkResend,
  parseListFilter,
  reprocessTransmission,
  requeueStrandedOutbound,
  resendTransmission,
  waitForOutcomes,
  type BulkOutcome,
  type ListFilterText,
  type QueueingSupportDeps,
} from '../pipeline/index.js';
import { CliError, USAGE } from './cli-error.js';
import type { CliOutput } from './output.js';
import { progressLine } from './progress-line.js';
import { withDeps } from './support-deps.js';
import { filterText } from './transmission-filter-options.js';

/** The options of `transmissions resend|reprocess`, as commander parses them. */
export interface BulkCommandOptions extends ListFilterText {
  actor: string;
  dryRun?: boolean;
  wait?: boolean;
  timeout: string;
  json?: boolean;
}

/**
 * `transmissions resend|reprocess`: queues the ids given, or every transmission the filter
 * matches, and with `--wait` prints how they ended. Returns the exit code: 1 when any failed.
 * Loaded only when the command runs, since it opens the store and the queues.
 *
 * @example
 * const code = await bulkOperation('resend', ['tr_01H...'], { timeout: '120', actor: 'ana' }, output);
 */
export async function bulkOperation(
  operation: 'resend' | 'reprocess',
  ids: readonly string[],
  opts: BulkCommandOptions,
  output: CliOutput,
): Promise<number> {
  return withDeps(true, (deps) => runOperation(operation, ids, opts, deps, output));
}

/**
 * `transmissions sweep`: queues again the outbound transmissions processed longer than
 * `minutes` ago that have no delivery job, or lists them with `dryRun`.
 *
 * @example
 * await sweepStranded(10, false, output);
 */
export async function sweepStranded(minutes: number, dryRun: boolean, output: CliOutput): Promise<void> {
  const queued = await withDeps(true, (deps) =>
    requeueStrandedOutbound(deps, { olderThanMs: minutes * 60_000, dryRun }),
  );
  const verb = dryRun ? 'would queue' : 'queued';
  for (const d of queued) {
    output.out(
      `${verb} ${d.transmissionId} (${d.partnerId ?? '-'}, processed since ${d.waitingSince.toISOString()}) as ${d.jobId}\n`,
    );
  }
  output.out(`${verb} ${queued.length} stranded delivery(ies)\n`);
}

async function runOperation(
  operation: 'resend' | 'reprocess',
  ids: readonly string[],
  opts: BulkCommandOptions,
  deps: QueueingSupportDeps,
  output: CliOutput,
): Promise<number> {
  const filter = parseListFilter(filterText(opts));
  const filtered = Object.keys(filter).length > 0;
  if (ids.length > 0 && filtered) throw new CliError(`give ids or a filter to ${operation}, not both`, USAGE);
  if (ids.length === 0 && !filtered) {
    throw new CliError(
      `${operation} what? give transmission ids, or a filter such as --status failed --partner acme`,
      USAGE,
    );
  }
  const timeout = Number(opts.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new CliError(`--timeout is a number of seconds, not ${JSON.stringify(opts.timeout)}`, USAGE);
  const verb = operation === 'resend' ? 'resent' : 'reprocessed';
  const progress = progressLine(verb, (line) => output.err(line));
  let outcomes: BulkOutcome[];
  let warnings: string[];
  if (filtered) {
    const run = operation === 'resend' ? bulkResend : bulkReprocess;
    const result = await run(
      filter,
      { dryRun: opts.dryRun === true, onProgress: progress },
      opts.actor,
      deps,
    );
    if (result.dryRun) {
      output.out(
        opts.json === true
          ? `${JSON.stringify(result, null, 2)}\n`
          : `${result.ids.map((id) => `${id}\n`).join('')}would ${operation} ${result.count} transmission(s)\n`,
      );
      return 0;
    }
    ({ outcomes, warnings } = result);
  } else {
    if (opts.dryRun === true)
      throw new CliError(
        '--dry-run applies to a filter; with ids, nothing would be listed that you did not give',
        USAGE,
      );
    outcomes = [];
    warnings = [];
    for (const id of ids) {
      try {
        const { jobId, line, warnings: queueWarnings } = await single(operation, id, opts.actor, deps);
        outcomes.push({ id, ok: true, jobId });
        output.out(line);
        warnings = queueWarnings;
      } catch (error) {
        // One id alone fails as before (its error, exit 1); among several, the others go on.
        if (ids.length === 1) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        outcomes.push({ id, ok: false, error: reason });
        output.out(`${id} not ${verb}: ${reason}\n`);
      }
      progress(outcomes.length, ids.length);
    }
  }
  if (filtered) {
    for (const o of outcomes) {
      output.out(
        o.ok
          ? `${operation} of ${o.id} queued as job ${o.jobId ?? '-'}\n`
          : `${o.id} not ${verb}: ${o.error ?? ''}\n`,
      );
    }
  }
  for (const w of warnings) output.err(`warning: ${w}\n`);
  const queued = outcomes.filter((o) => o.ok).map((o) => o.id);
  let failed = outcomes.length - queued.length;
  if (opts.wait === true && queued.length > 0) {
    const summary = await waitForOutcomes(queued, { timeoutMs: timeout * 1000 }, deps);
    output.out(
      `${summary.delivered} done, ${summary.failed} failed, ${summary.pending} still pending after waiting\n`,
    );
    for (const [id, status] of Object.entries(summary.byId)) output.out(`  ${id} ${status}\n`);
    failed += summary.failed + summary.pending;
  }
  return failed === 0 ? 0 : 1;
}

/** Resends or reprocesses one transmission, with the line that says what was queued. */
async function single(
  operation: 'resend' | 'reprocess',
  id: string,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<{ jobId: string; line: string; warnings: string[] }> {
  if (operation === 'resend') {
    const r = await resendTransmission(id, actor, deps);
    const line = `resend of ${id} (${r.fileName}, was ${r.previousStatus}) queued as job ${r.jobId}\n`;
    return { jobId: r.jobId, line, warnings: r.warnings };
  }
  const r = await reprocessTransmission(id, actor, deps);
  const documents =
    r.retriedDocuments.length === 0 ? '' : `; documents run again: ${r.retriedDocuments.join(', ')}`;
  const batches =
    r.retriedBatches.length === 0 ? '' : `; 855 batches sent again: ${r.retriedBatches.join(', ')}`;
  const line = `reprocess of ${id} (was ${r.previousStatus}) queued as job ${r.jobId}${documents}${batches}\n`;
  return { jobId: r.jobId, line, warnings: r.warnings };
}
