import { existsSync } from 'node:fs';
import { setTranslator, translateX12, type TranslationContext } from '../mapping/index.js';
import { loadPartners, nearestSenders, PartnerRegistry } from '../partners/index.js';
import {
  hasErrors,
  inFileOrder,
  interchangeDiagnostics,
  readX12Stream,
  type Diagnostic,
  type FunctionalGroup,
  type Interchange,
} from '../x12/index.js';
import { folders, x12Partner } from './partner-context.js';
import { CliError } from './cli-error.js';
import { printDiagnostics, type CliOutput } from './output.js';
import { looksLikeJson, openInputStream, readInputFile } from './read-input.js';

export interface TranslateOptions {
  partner?: string;
  /** One document per line, written as each transaction set is read, instead of one JSON array. */
  ndjson?: boolean;
}

/**
 * `edi-gateway translate <file>`: canonical documents as a JSON array on stdout, from X12 or from
 * marketplace order JSON (see `translateMarketplaceJson`). Every problem is one line on stderr;
 * exit 1 when anything in the file was rejected. With `--ndjson` the file is
 * streamed and each document is one line, written as soon as its transaction set is read.
 *
 * @example
 * edi-gateway translate fixtures/x12/850/EdiEngine__850.OK.edi --partner bigbox
 */
export async function translateCommand(
  file: string,
  options: TranslateOptions,
  output: CliOutput,
): Promise<number> {
  if (options.ndjson) return translateLineByLine(file, options, output);
  const bytes = await readInputFile(file);
  if (looksLikeJson(bytes)) {
    // Loaded only for JSON: X12 translation starts without the marketplace mappings.
    const { translateMarketplaceJson } = await import('./translate-marketplace.js');
    return translateMarketplaceJson(file, bytes, options.partner, output);
  }
  const { context, partnersDir } = translationContext(options);
  const translation = translateX12(bytes, context);
  if (context.partners !== undefined) {
    for (const interchange of translation.interchanges)
      warnUnknownSender(output, file, interchange, context.partners, partnersDir);
  }
  printDiagnostics(output, file, translation.diagnostics);
  output.out(`${JSON.stringify(translation.documents, null, 2)}\n`);
  return translation.accepted ? 0 : 1;
}

/**
 * `--ndjson`: the file is streamed, so it may be larger than memory. The same sets are mapped as
 * without it, with one exception: a set is written once it is read, so when its group's GE or its
 * interchange's IEA later rejects it, the document is already out. A warning then names how many
 * documents of which group to discard. Problems are printed as each interchange closes.
 */
async function translateLineByLine(
  file: string,
  options: TranslateOptions,
  output: CliOutput,
): Promise<number> {
  const input = await openInputStream(file);
  if (looksLikeJson(input.head)) {
    await input.close();
    throw jsonInput(file);
  }
  let setup: ReturnType<typeof translationContext>;
  try {
    setup = translationContext(options);
  } catch (error) {
    await input.close();
    throw error;
  }
  const { context, partnersDir } = setup;
  const translate = setTranslator(context);
  let rejected = false;
  let interchanges = 0;
  let mappingDiagnostics: Diagnostic[] = [];
  const written = new Map<FunctionalGroup, number>();
  const report = (diagnostics: Diagnostic[]) => {
    if (hasErrors(diagnostics)) rejected = true;
    printDiagnostics(output, file, diagnostics);
  };
  for await (const events of readX12Stream(input.chunks())) {
    let lines = '';
    for (const event of events) {
      if (event.type === 'diagnostic') report([event.diagnostic]);
      else if (event.type === 'transaction-set') {
        const mapped = translate(event.set);
        mappingDiagnostics.push(...mapped.diagnostics);
        for (const document of mapped.documents) lines += `${JSON.stringify(document)}\n`;
        const group = event.set.group;
        if (mapped.documents.length > 0)
          written.set(group, (written.get(group) ?? 0) + mapped.documents.length);
      } else {
        const { interchange } = event;
        interchanges++;
        if (context.partners !== undefined)
          warnUnknownSender(output, file, interchange, context.partners, partnersDir);
        report(inFileOrder([...interchangeDiagnostics(interchange), ...mappingDiagnostics]));
        mappingDiagnostics = [];
        warnWrittenThenRejected(output, file, interchange, written);
      }
    }
    if (lines !== '') output.out(lines);
    await output.drained?.();
  }
  return rejected || interchanges === 0 ? 1 : 0;
}

function translationContext(options: TranslateOptions): {
  context: TranslationContext;
  partnersDir: string;
} {
  const { partnersDir, mappingsDir } = folders({});
  const context: TranslationContext = { mappingsDir };
  if (options.partner) context.partner = x12Partner(options.partner, partnersDir, mappingsDir);
  else if (existsSync(partnersDir))
    context.partners = new PartnerRegistry(loadPartners(partnersDir, { mappingsDir }));
  return { context, partnersDir };
}

function jsonInput(file: string): CliError {
  return new CliError(
    `${file}: JSON input: --ndjson streams X12 only; translate marketplace orders without it`,
  );
}

/**
 * One line for an interchange whose ISA sender is no partner's: it was read with the default
 * mappings, which is rarely what someone onboarding a partner meant. Names the nearest partners.
 */
function warnUnknownSender(
  output: CliOutput,
  file: string,
  interchange: Interchange,
  partners: PartnerRegistry,
  partnersDir: string,
): void {
  const { qualifier, id } = interchange.sender;
  if (partners.byInterchangeSender(qualifier, id) !== undefined) return;
  const near = nearestSenders(partners, qualifier, id)
    .map((s) => `${s.partnerId} (${s.qualifier}/${s.isaId})`)
    .join(', ');
  output.err(
    `warning: ${file}: interchange ${interchange.controlNumber} is from ISA ${qualifier.trim()}/${id.trim()}, which no partner in ${partnersDir} has; it was read with the default mappings${near === '' ? '' : `. Nearest partners: ${near}`} (or give --partner)\n`,
  );
}

/** Names the groups of a closed interchange whose documents went out before a trailer rejected them. */
function warnWrittenThenRejected(
  output: CliOutput,
  file: string,
  interchange: Interchange,
  written: Map<FunctionalGroup, number>,
): void {
  const interchangeRejected = interchange.diagnostics.some(
    (d) => d.level === 'interchange' && d.severity === 'error',
  );
  for (const group of interchange.groups) {
    const count = written.get(group);
    if (count === undefined) continue;
    written.delete(group);
    if (!interchangeRejected && !hasErrors(group.diagnostics)) continue;
    output.err(
      `warning: ${file}: ${count} document(s) of group ${group.controlNumber} in interchange ${interchange.controlNumber} were written before the ${interchangeRejected ? 'interchange' : 'group'} was rejected: discard them\n`,
    );
  }
}
