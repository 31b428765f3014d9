import { writeFileSync } from 'node:fs';
import { validateCanonical, type PurchaseOrder } from '../canonical/index.js';
import { isCancellation, sampleOrder } from '../core/index.js';
import { translateX12 } from '../mapping/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import { CliError, USAGE } from './cli-error.js';
import type { CliOutput } from './output.js';
import { folders, x12Partner } from './partner-context.js';
import { partnerReplies } from './partner-replies.js';
import { readInputFile } from './read-input.js';

export interface SampleOptions {
  partner: string;
  order?: string;
  /** Write the JSON there instead of stdout. */
  out?: string;
  partnersDir?: string;
  mappingsDir?: string;
}

const SETS = ['850', '855', '856', '810'] as const;

/**
 * `edi-gateway sample <set> --partner ID [--order FILE]`: a canonical document to start from, as
 * JSON on stdout. `850` prints the order (the one in `--order`, an X12 850 or a canonical
 * purchase order, else a built-in one with a store ship-to, a department and IN/VN/UP item ids);
 * `855`, `856` and `810` print what the gateway would send the partner for that order when
 * nothing is wrong with it, shaped and echoed by the partner file. Edit it and give it to
 * `render`, or post it as an event.
 *
 * @example
 * edi-gateway sample 856 --partner bigbox-retail --order fixtures/partners/bigbox-retail/850.edi > asn.json
 */
export async function sampleCommand(set: string, options: SampleOptions, output: CliOutput): Promise<number> {
  if (!(SETS as readonly string[]).includes(set)) {
    throw new CliError(`sample makes ${SETS.join(', ')} documents, not '${set}'`, USAGE);
  }
  const { partnersDir, mappingsDir } = folders(options);
  const partner = x12Partner(options.partner, partnersDir, mappingsDir);
  const today = new Date().toISOString().slice(0, 10);
  const order =
    options.order === undefined
      ? sampleOrder(partner.id, today)
      : await orderFrom(options.order, partner, mappingsDir);
  const print = (value: unknown) => {
    const json = `${JSON.stringify(value, null, 2)}\n`;
    if (options.out === undefined) output.out(json);
    else writeFileSync(options.out, json);
  };
  if (set === '850') {
    print(order);
    return 0;
  }
  const [reply] = partnerReplies(order, partner, today, [set]);
  if (reply === undefined) throw new CliError(`no ${set} reply`);
  if (!reply.ok) throw new CliError(reply.reason);
  const [only] = reply.documents;
  print(reply.documents.length === 1 ? only : reply.documents);
  if (!partner.documents.outbound.includes(set)) {
    output.err(
      `warning: ${partner.id} does not take ${set}s (documents.outbound: ${partner.documents.outbound.join(', ') || 'none'})\n`,
    );
  }
  return 0;
}

/** The first purchase order in an X12 file (read with the partner's mappings) or a canonical JSON file. */
async function orderFrom(
  file: string,
  partner: X12PartnerConfig,
  mappingsDir: string,
): Promise<PurchaseOrder> {
  const bytes = await readInputFile(file);
  const text = bytes.toString('utf8').trimStart();
  if (text.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${file}: not JSON: ${(error as Error).message}`);
    }
    const result = validateCanonical(value);
    if (!result.valid || result.document.type !== 'purchase_order') {
      const why = result.valid
        ? `its type is ${result.document.type}`
        : result.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ');
      throw new CliError(`${file}: not a canonical purchase order: ${why}`);
    }
    return { ...result.document, partnerId: partner.id };
  }
  const { documents } = translateX12(bytes, { partner, mappingsDir });
  const order = documents.find(
    (document): document is PurchaseOrder => document.type === 'purchase_order' && !isCancellation(document),
  );
  if (order === undefined) {
    throw new CliError(`${file}: holds no purchase order that translates (run translate on it to see why)`);
  }
  return order;
}
