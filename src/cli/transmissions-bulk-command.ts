import type { Command } from 'commander';
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

type Run = <T>(queueing: true, run: (deps: QueueingSupportDeps) => Promise<T>) => Promise<T>;

interface BulkCommandOptions extends ListFilterText {
  actor: string;
  dryRun?: boolean;
  wait?: boolean;
  timeout: string;
  json?: boolean;
}

/**
 * `transmissions resend|reprocess [<id...>] [filter] [--dry-run] [--wait]` and `transmissions
 * sweep`: one or several ids, or every transmission a filter matches (at most 1,000), with
 * progress on stderr and, with `--wait`, a summary of how they ended.
 *
 * @example
 * registerBulkCommands(group, output, setExitCode, { actorOption, withDeps });
 */
export function registerBulkCommands(
  group: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
  context: { actorOption: readonly [string, string, string]; withDeps: Run },
): void {
  for (const operation of ['resend', 'reprocess'] as const) {
    const command = group
      .command(operation)
      .description(
        operation === 'resend'
          ? 'deliver outbound transmissions again (same bytes, same file name): ids, or a filter'
          : 'read inbound transmissions again from their stored bytes, rerunning failed documents: ids, or a filter',
      )
      .argument('[ids...]', 'transmission ids');
    addFilterOptions(command)
      .option('--dry-run', 'list what a filter matches; change nothing')
      .option('--wait', 'wait until each one is delivered or failed, then print a summary')
      .option('--timeout <seconds>', 'how long --wait waits', '120')
      .option('--json', 'the result as JSON')
      .option(...context.actorOption)
      .action(async (ids: string[], opts: BulkCommandOptions) => {
        const code = await context.withDeps(true, (deps) => runOperation(operation, ids, opts, deps, output));
        setExitCode(code);
      });
  }

  group
    .command('sweep')
    .description('queue again outbound transmissions waiting in processed with no delivery job')
    .option('--older-than <minutes>', 'waiting longer than this', '10')
    .option('--dry-run', 'list them; queue nothing')
    .action(async (opts: { olderThan: string; dryRun?: boolean }) => {
      const minutes = Number(opts.olderThan);
      if (!Number.isFinite(minutes) || minutes < 0) {
        throw new CliError(
          `--older-than is a number of minutes, not ${JSON.stringify(opts.olderThan)}`,
          USAGE,
        );
      }
      const queued = await context.withDeps(true, (deps) =>
        requeueStrandedOutbound(deps, { olderThanMs: minutes * 60_000, dryRun: opts.dryRun === true }),
      );
      const verb = opts.dryRun === true ? 'would queue' : 'queued';
      for (const d of queued) {
        output.out(
          `${verb} ${d.transmissionId} (${d.partnerId ?? '-'}, processed since ${d.waitingSince.toISOString()}) as ${d.jobId}\n`,
        );
      }
      output.out(`${verb} ${queued.length} stranded delivery(ies)\n`);
      setExitCode(0);
    });
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

/** The search and filter options shared by `list`, `resend` and `reprocess`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option(
      '--status <status>',
      'only this status: received, processing, processed, rejected, failed, sent, acknowledged',
    )
    .option('--partner <id>', 'only this partner')
    .option('--direction <direction>', 'inbound or outbound')
    .option('--from <date>', 'received on or after (2026-01-01 or an ISO time)')
    .option('--to <date>', 'received up to (a date includes its whole day)')
    .option('--type <type>', 'carrying this X12 set (855) or document type (purchase_order)')
    .option('--po <number>', 'carrying this PO number')
    .option('--invoice <number>', 'carrying this invoice number')
    .option('--shipment <id>', 'carrying this shipment id')
    .option('--isa13 <n>', 'with this ISA13 (leading zeros optional)')
    .option('--gs06 <n>', 'with this GS06 (leading zeros optional)')
    .option('--st02 <n>', 'with this ST02 (leading zeros optional)')
    .option('--marketplace-order <id>', 'carrying this marketplace order id')
    .option('--search <text>', 'carrying this number, of any kind');
}

/** The filter options as typed, for `parseListFilter`. */
export function filterText(opts: ListFilterText & { limit?: string; cursor?: string }): ListFilterText {
  const { status, partner, direction, from, to, type, po, invoice, shipment, isa13, gs06, st02 } = opts;
  return {
    status,
    partner,
    direction,
    from,
    to,
    type,
    po,
    invoice,
    shipment,
    isa13,
    gs06,
    st02,
    marketplaceOrder: opts.marketplaceOrder,
    search: opts.search,
    limit: opts.limit,
    cursor: opts.cursor,
  };
}
