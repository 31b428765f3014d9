import {
  listTransmissions,
  parseListFilter,
  showTransmission,
  type ListFilterText,
} from '../pipeline/index.js';
import type { CliOutput } from './output.js';
import { withDeps } from './support-deps.js';
import { transmissionDetail, transmissionTable } from './transmission-format.js';
import { filterText } from './transmission-filter-options.js';

/** `--actor`, shared by every `transmissions` subcommand. */
export interface ActorOption {
  actor: string;
}

/** The options of `transmissions list`, as commander parses them. */
export interface ListOptions extends ActorOption, Omit<ListFilterText, 'limit'> {
  limit: string;
  json?: boolean;
}

/**
 * `transmissions list`: one page of transmissions, newest first, as a table or JSON. Loaded only
 * when the command runs, since it opens the store.
 *
 * @example
 * await printTransmissionList({ status: 'failed', limit: '50', actor: 'ana' }, output);
 */
export async function printTransmissionList(opts: ListOptions, output: CliOutput): Promise<void> {
  const filter = parseListFilter(filterText(opts));
  const page = await withDeps(false, (deps) => listTransmissions(filter, opts.actor, deps));
  if (opts.json === true) output.out(`${JSON.stringify(page, null, 2)}\n`);
  else {
    output.out(transmissionTable(page.transmissions));
    if (page.next !== null) output.out(`more: --cursor ${page.next}\n`);
  }
}

/**
 * `transmissions show <id>`: one transmission with its history, as text or JSON.
 *
 * @example
 * await printTransmission('tr_01H...', { actor: 'ana' }, output);
 */
export async function printTransmission(
  id: string,
  opts: ActorOption & { json?: boolean },
  output: CliOutput,
): Promise<void> {
  const view = await withDeps(false, (deps) => showTransmission(id, opts.actor, deps));
  output.out(opts.json === true ? `${JSON.stringify(view, null, 2)}\n` : transmissionDetail(view));
}
