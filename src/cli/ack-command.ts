import {
  buildAcknowledgement,
  readX12,
  type AcknowledgementType,
  type Diagnostic,
  type Interchange,
} from '../x12/index.js';
import { CliError, USAGE } from './cli-error.js';
import { printDiagnostics, type CliOutput } from './output.js';
import { looksLikeJson, readInputFile } from './read-input.js';

const MAX_CONTROL_NUMBER = 999_999_999;

export interface AckCommandOptions {
  partner?: string;
  type?: string;
  controlNumber?: string;
  ta1?: string;
}

/**
 * `edi-gateway ack <file>`: the 997/999 (and TA1 where due) the gateway would send back for each
 * interchange in the file, as X12 on stdout. Problems found go to stderr; exit 0 when an
 * acknowledgement could be built, 1 when the file is not X12 at all.
 *
 * @example
 * edi-gateway ack fixtures/x12/850/po.edi --type 997
 */
export async function ackCommand(
  file: string,
  options: AckCommandOptions,
  output: CliOutput,
): Promise<number> {
  const type = parseType(options.type);
  const first = parseControlNumber(options.controlNumber);
  const ta1 = options.ta1 === undefined ? 'auto' : options.ta1;
  if (ta1 !== 'auto' && ta1 !== 'always' && ta1 !== 'never')
    throw new CliError(`--ta1 must be auto, always or never, not '${ta1}'`, USAGE);
  const bytes = await readInputFile(file);
  if (looksLikeJson(bytes))
    throw new CliError(`${file}: JSON payloads are acknowledged over their marketplace API, not with X12`);
  const result = readX12(bytes);
  // The reasons for an AK5*R or a TA1 R sit on the interchanges, not in the file-level list.
  const diagnostics = [...result.diagnostics, ...result.interchanges.flatMap(interchangeDiagnostics)].sort(
    (a, b) => (a.fileSegmentIndex ?? 0) - (b.fileSegmentIndex ?? 0),
  );
  printDiagnostics(output, file, diagnostics);
  if (result.interchanges.length === 0) return 1;
  let next = first;
  for (const interchange of result.interchanges) {
    const ack = buildAcknowledgement(interchange, {
      type,
      ta1,
      controlNumbers: { interchange: next, group: next, transactionSet: 1 },
      now: new Date(),
      segmentNewline: true,
    });
    if (ack.x12) output.out(ack.x12.endsWith('\n') ? ack.x12 : `${ack.x12}\n`);
    next = nextControlNumber(next);
  }
  return 0;
}

function parseType(type: string | undefined): AcknowledgementType | undefined {
  if (type === undefined) return undefined;
  if (type === '997' || type === '999') return type;
  throw new CliError(`--type must be 997 or 999, not '${type}'`, USAGE);
}

function interchangeDiagnostics(interchange: Interchange): Diagnostic[] {
  return [
    ...interchange.diagnostics,
    ...interchange.groups.flatMap((group) => [
      ...group.diagnostics,
      ...group.transactionSets.flatMap((set) => set.diagnostics),
    ]),
  ];
}

/** ISA13 and GS06 hold nine digits: after 999999999 the count rolls over to 1, as translators expect. */
function nextControlNumber(current: number): number {
  return current >= MAX_CONTROL_NUMBER ? 1 : current + 1;
}

function parseControlNumber(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0)
    throw new CliError(`--control-number must be a whole number from 1 to 999999999, not '${value}'`, USAGE);
  return Number(value);
}
