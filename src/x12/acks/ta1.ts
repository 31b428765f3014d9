import { AckCode, InterchangeNote, type AckCodeValue, type InterchangeNoteCode } from '../codes.js';
import type { Delimiters } from '../delimiters.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Interchange } from '../envelope.js';
import type { SegmentValues } from '../writer.js';
import { echoValue } from './clean-value.js';
import type { Ta1Policy } from './types.js';

/** The interchange-level verdict and whether a TA1 carries it. */
export interface Ta1Verdict {
  /** TA104: A, E (warnings only) or R. */
  readonly code: AckCodeValue;
  /** TA105: `000`, or the note code of the first finding that decided the code. */
  readonly note: InterchangeNoteCode;
  readonly sent: boolean;
}

type InterchangeDiagnostic = Extract<Diagnostic, { level: 'interchange' }>;

/**
 * Judges the interchange envelope itself. An error rejects the whole interchange (its groups are
 * not processed); a warning is noted with E. Under `auto` a TA1 goes out when the sender asked for
 * one (ISA14 = 1) or when the interchange is rejected, since nothing else would tell them.
 */
export function ta1Verdict(interchange: Interchange, policy: Ta1Policy): Ta1Verdict {
  const findings = interchange.diagnostics.filter(
    (d): d is InterchangeDiagnostic => d.level === 'interchange',
  );
  const error = findings.find((d) => d.severity === 'error');
  // A 000 warning (an unpadded ISA, say) is a remark for people, not something to tell the sender.
  const warning = findings.find((d) => d.severity === 'warning' && d.code !== InterchangeNote.noError);
  const code = error ? AckCode.rejected : warning ? AckCode.acceptedWithErrors : AckCode.accepted;
  const note = (error ?? warning)?.code ?? InterchangeNote.noError;
  const sent =
    policy === 'always' || (policy === 'auto' && (interchange.ackRequested || error !== undefined));
  return { code, note, sent };
}

/** TA1*ISA13*ISA09*ISA10*code*note, naming the interchange as its sender wrote it. */
export function ta1Segment(
  interchange: Interchange,
  verdict: Ta1Verdict,
  delimiters: Delimiters,
): SegmentValues {
  const controlNumber = /^\d{1,9}$/.test(interchange.controlNumber)
    ? interchange.controlNumber.padStart(9, '0')
    : interchange.controlNumber;
  // A rejected interchange may carry anything in these fields (separators, control bytes, NUL);
  // the TA1 must still be writable and read back: TA101 is N0 9/9, TA102 DT 6/6, TA103 TM 4/4.
  return [
    'TA1',
    echoValue(controlNumber, delimiters, 9),
    echoValue(interchange.date, delimiters, 6),
    echoValue(interchange.time, delimiters, 4),
    verdict.code,
    verdict.note,
  ];
}
