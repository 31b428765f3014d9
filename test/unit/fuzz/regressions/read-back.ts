import { acknowledge } from '../../acks/acknowledge.js';
import {
  formatDiagnostic,
  interchangeDiagnostics,
  readX12,
  type Acknowledgement,
  type AcknowledgementOptions,
  type Interchange,
} from '../../../../src/x12/index.js';

/** The one interchange the reader finds in `text`. */
export function onlyInterchange(text: string | Uint8Array): Interchange {
  const { interchanges } = readX12(text);
  if (interchanges.length !== 1) throw new Error(`expected one interchange, read ${interchanges.length}`);
  return interchanges[0] as Interchange;
}

/** The acknowledgement of the one interchange in `text`, and every error our reader finds in it. */
export function acknowledgeText(
  text: string | Uint8Array,
  options: Partial<AcknowledgementOptions> = {},
): Acknowledgement & { errors: string[] } {
  const ack = acknowledge(onlyInterchange(text), options);
  if (ack.x12 === undefined) return { ...ack, errors: ['no acknowledgement was written'] };
  const read = readX12(ack.x12);
  const errors = [
    ...read.diagnostics,
    ...read.interchanges.flatMap((interchange) => interchangeDiagnostics(interchange)),
  ]
    .filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d));
  return { ...ack, errors };
}
