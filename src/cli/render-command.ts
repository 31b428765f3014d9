import { validateCanonical, formatCanonicalError, type CanonicalDocument } from '../canonical/index.js';
import { completeForRender, renderForPartner } from '../mapping/index.js';
import { shapeShipNotice } from '../core/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import { CliError, USAGE } from './cli-error.js';
import type { CliOutput } from './output.js';
import { folders, x12Partner } from './partner-context.js';
import { readInputFile } from './read-input.js';

export interface RenderOptions {
  partner: string;
  controlNumber?: string;
  partnersDir?: string;
  mappingsDir?: string;
}

/**
 * `edi-gateway render <canonical.json> --partner ID`: canonical document(s) -> the partner's X12
 * on stdout, in its version, delimiters and mappings, ship notices shaped to its 856 hierarchy,
 * checked by our own validator.
 *
 * @example
 * edi-gateway render fixtures/canonical/ship-notice.json --partner bigbox-retail
 */
export async function renderCommand(
  file: string,
  options: RenderOptions,
  output: CliOutput,
): Promise<number> {
  const first = Number(options.controlNumber ?? '1');
  if (!/^\d{1,9}$/.test(options.controlNumber ?? '1') || first === 0) {
    throw new CliError(
      `--control-number must be a whole number from 1 to 999999999, not '${options.controlNumber}'`,
      USAGE,
    );
  }
  const { partnersDir, mappingsDir } = folders(options);
  const partner = x12Partner(options.partner, partnersDir, mappingsDir);
  const documents = parseDocuments(file, (await readInputFile(file)).toString('utf8'), (item) =>
    completeForRender(item, partner, mappingsDir),
  );
  const x12 = renderForPartner(shapedForPartner(documents, partner), partner, {
    mappingsDir,
    controlNumbers: { interchange: first, group: first, transactionSet: 1 },
    now: new Date(),
  });
  output.out(x12.endsWith('\n') ? x12 : `${x12}\n`);
  return 0;
}

/**
 * Ship notices shaped to the partner's 856 hierarchy (BSN05, levels, one per order with
 * `perOrder`), as the gateway sends them; other documents as given.
 */
function shapedForPartner(documents: CanonicalDocument[], partner: X12PartnerConfig): CanonicalDocument[] {
  return documents.flatMap((document): CanonicalDocument[] => {
    if (document.type !== 'ship_notice') return [document];
    const shaped = shapeShipNotice(document, partner.documents.options['856']);
    if (!shaped.ok) throw new CliError(`${document.id}: ${shaped.reason}`);
    return shaped.notices;
  });
}

/** One document or an array of them, each valid against the canonical schema. */
function parseDocuments(
  file: string,
  text: string,
  complete: (item: unknown) => unknown,
): CanonicalDocument[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new CliError(`${file}: holds no document`);
  return items.map((item, i) => {
    const result = validateCanonical(complete(item));
    if (result.valid) return result.document;
    const where = Array.isArray(value) ? `[${i}]` : '';
    throw new CliError(result.errors.map((e) => `${file}${where}: ${formatCanonicalError(e)}`).join('\n'));
  });
}
