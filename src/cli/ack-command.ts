import {
  buildAcknowledgement,
  createX12Reader,
  inFileOrder,
  interchangeDiagnostics,
  type AcknowledgementType,
} from '../x12/index.js';
import { CliError, USAGE } from './cli-error.js';
import { printDiagnostics, type CliOutput } from './output.js';
import { looksLikeJson, openInputStream } from './read-input.js';

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
 * acknowledgement could be built, 1 when the file is not X12 at all. The file is streamed: each
 * interchange's problems and acknowledgement are written as soon as its IEA is read, so files of
 * any size are acknowledged in the memory of one interchange.
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
  const input = await openInputStream(file);
  if (looksLikeJson(input.head)) {
    await input.close();
    throw new CliError(`${file}: JSON payloads are acknowledged over their marketplace API, not with X12`);
  }
  let next = first;
  let acknowledged = 0;
  // No handler for transaction sets: each is dropped once read, since the interchange's summary of
  // it (outcome and diagnostics) is all an acknowledgement needs. Memory stays that of one interchange.
  const reader = createX12Reader({
    fileDiagnostic: (diagnostic) => printDiagnostics(output, file, [diagnostic]),
    interchange: (interchange) => {
      // The reasons for an AK5*R or a TA1 R sit on the interchange, not in the file-level list.
      printDiagnostics(output, file, inFileOrder(interchangeDiagnostics(interchange)));
      const ack = buildAcknowledgement(interchange, {
        type,
        ta1,
        controlNumbers: { interchange: next, group: next, transactionSet: 1 },
        now: new Date(),
        segmentNewline: true,
      });
      if (ack.x12) output.out(ack.x12.endsWith('\n') ? ack.x12 : `${ack.x12}\n`);
      next = nextControlNumber(next);
      acknowledged++;
    },
  });
  for await (const chunk of input.chunks()) {
    reader.push(chunk);
    await output.drained?.();
  }
  reader.end();
  return acknowledged === 0 ? 1 : 0;
}

function parseType(type: string | undefined): AcknowledgementType | undefined {
  if (type === undefined) return undefined;
  if (type === '997' || type === '999') return type;
  throw new CliError(`--type must be 997 or 999, not '${type}'`, USAGE);
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
