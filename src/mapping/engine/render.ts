import type { CanonicalDocument } from '../../canonical/index.js';
import { GatewayError } from '../../errors/index.js';
import {
  formatDiagnostic,
  hasErrors,
  readX12,
  versionSpecs,
  writeInterchange,
  type Delimiters,
  type Diagnostic,
  type SegmentValues,
} from '../../x12/index.js';

import { withExtensions } from './extensions-outbound.js';
import type { Mapping } from './mapping-schema.js';
import { applyOutbound, checkLinkedWritten, outboundContext } from './outbound.js';
import { CodeTables } from './tables.js';

/** Who and how: the envelope of the interchange a partner receives. */
export interface Envelope {
  delimiters: Delimiters;
  sender: { qualifier: string; id: string; gsId: string };
  receiver: { qualifier: string; id: string; gsId: string };
  /** GS08, e.g. `004010VICS` or `005010`. */
  version: string;
  /** ISA12, e.g. `00401`. */
  interchangeVersion: string;
  usage: 'P' | 'T';
  ackRequested: boolean;
  segmentNewline: boolean;
}

export interface ControlNumbers {
  interchange: number;
  group: number;
  /** ST02 of the first set; the next sets count up. */
  transactionSet: number;
}

/**
 * The segments of one transaction set for one document, ST first and without SE: what the mapping
 * writes, with the document's extensions written back in their loops.
 */
export function renderSet(
  document: CanonicalDocument,
  mapping: Mapping,
  controlNumber: number,
  version: string,
): SegmentValues[] {
  const specVersion = mapping.version.startsWith('005') ? '005010' : '004010';
  const specs = versionSpecs(specVersion);
  const source = document as unknown as Record<string, unknown>;
  const context = outboundContext(source, new CodeTables(mapping.tables), (segmentId, position) => {
    const ref = specs.segments.segments[segmentId]?.elements[position - 1]?.ref;
    return ref !== undefined && specs.elements.elements[ref]?.max === 6 ? 6 : 8;
  });
  const st: SegmentValues =
    version >= '005010'
      ? ['ST', mapping.set, String(controlNumber).padStart(4, '0'), version]
      : ['ST', mapping.set, String(controlNumber).padStart(4, '0')];
  const out: SegmentValues[] = [st];
  applyOutbound(mapping.body, source, out, context);
  checkLinkedWritten(context);
  const extensions = document.extensions ?? [];
  return extensions.length > 0 ? withExtensions(out, extensions, specVersion, mapping.set) : out;
}

/**
 * Renders canonical documents of one kind as one interchange with one functional group, then
 * reads the result back with our own validator: a file that would not pass our own checks is
 * never returned.
 *
 * @example
 * const x12 = renderInterchange([ack], mapping, envelope, { interchange: 7, group: 7, transactionSet: 1 }, new Date());
 */
export function renderInterchange(
  documents: readonly CanonicalDocument[],
  mapping: Mapping,
  envelope: Envelope,
  numbers: ControlNumbers,
  now: Date,
  functionalId: string,
): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '');
  const sets = documents.map((doc, i) =>
    renderSet(doc, mapping, numbers.transactionSet + i, envelope.version),
  );
  const x12 = writeInterchange(
    {
      delimiters: envelope.delimiters,
      header: {
        sender: { qualifier: envelope.sender.qualifier, id: envelope.sender.id },
        receiver: { qualifier: envelope.receiver.qualifier, id: envelope.receiver.id },
        date: stamp.slice(2, 8),
        time: stamp.slice(8, 12),
        version: envelope.interchangeVersion,
        controlNumber: numbers.interchange,
        ackRequested: envelope.ackRequested,
        usage: envelope.usage,
      },
      groups: [
        {
          functionalId,
          applicationSender: envelope.sender.gsId,
          applicationReceiver: envelope.receiver.gsId,
          date: envelope.version < '004010' ? stamp.slice(2, 8) : stamp.slice(0, 8),
          time: stamp.slice(8, 12),
          controlNumber: numbers.group,
          version: envelope.version,
          transactionSets: sets,
        },
      ],
    },
    { segmentNewline: envelope.segmentNewline },
  );
  const problems = problemsOf(x12);
  if (hasErrors(problems)) {
    throw new GatewayError(
      'render-invalid',
      `the rendered ${mapping.set} does not pass validation:\n${problems
        .filter((d) => d.severity === 'error')
        .map((d) => formatDiagnostic(d))
        .join('\n')}`,
      { permanent: true, status: 422 },
    );
  }
  return x12;
}

function problemsOf(x12: string): Diagnostic[] {
  const read = readX12(x12);
  return [
    ...read.diagnostics,
    ...read.interchanges.flatMap((ic) => [
      ...ic.diagnostics,
      ...ic.groups.flatMap((g) => [...g.diagnostics, ...g.transactionSets.flatMap((s) => s.diagnostics)]),
    ]),
  ];
}
