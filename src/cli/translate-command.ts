import { existsSync } from 'node:fs';
import { translateX12, type Translation, type TranslationContext } from '../mapping/index.js';
import { loadPartners, nearestSenders, PartnerRegistry } from '../partners/index.js';
import { folders, x12Partner } from './partner-context.js';
import { CliError } from './cli-error.js';
import { printDiagnostics, type CliOutput } from './output.js';
import { looksLikeJson, readInputFile } from './read-input.js';

/**
 * `edi-gateway translate <file>`: canonical documents as a JSON array on stdout. Every problem is
 * one line on stderr; exit 1 when anything in the file was rejected.
 *
 * @example
 * edi-gateway translate fixtures/x12/850/EdiEngine__850.OK.edi --partner bigbox
 */
export async function translateCommand(
  file: string,
  options: { partner?: string },
  output: CliOutput,
): Promise<number> {
  const bytes = await readInputFile(file);
  if (looksLikeJson(bytes)) {
    throw new CliError(
      `${file}: JSON input: marketplace payloads (Amazon, Shopify, Walmart) are not translated by this version; only X12`,
    );
  }
  const { partnersDir, mappingsDir } = folders({});
  const context: TranslationContext = { mappingsDir };
  if (options.partner) context.partner = x12Partner(options.partner, partnersDir, mappingsDir);
  else if (existsSync(partnersDir))
    context.partners = new PartnerRegistry(loadPartners(partnersDir, { mappingsDir }));
  const translation = translateX12(bytes, context);
  if (context.partners !== undefined)
    warnUnknownSenders(output, file, translation, context.partners, partnersDir);
  printDiagnostics(output, file, translation.diagnostics);
  output.out(`${JSON.stringify(translation.documents, null, 2)}\n`);
  return translation.accepted ? 0 : 1;
}

/**
 * One line per interchange whose ISA sender is no partner's: it was read with the default
 * mappings, which is rarely what someone onboarding a partner meant. Names the nearest partners.
 */
function warnUnknownSenders(
  output: CliOutput,
  file: string,
  translation: Translation,
  partners: PartnerRegistry,
  partnersDir: string,
): void {
  for (const interchange of translation.interchanges) {
    const { qualifier, id } = interchange.sender;
    if (partners.byInterchangeSender(qualifier, id) !== undefined) continue;
    const near = nearestSenders(partners, qualifier, id)
      .map((s) => `${s.partnerId} (${s.qualifier}/${s.isaId})`)
      .join(', ');
    output.err(
      `warning: ${file}: interchange ${interchange.controlNumber} is from ISA ${qualifier.trim()}/${id.trim()}, which no partner in ${partnersDir} has; it was read with the default mappings${near === '' ? '' : `. Nearest partners: ${near}`} (or give --partner)\n`,
    );
  }
}
