import type { Draft, Measure, PartyIdentifier, ShipNoticePack } from '../../../canonical/index.js';
import {
  ElementError,
  firstSegment,
  segmentsOf,
  type LoopInstance,
  type Segment,
} from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import { nonEmpty } from '../readers/loop-navigation.js';

/** The physical side of a shipment, tare or pack level. */
export type ContainerDetails = Pick<
  Draft<ShipNoticePack>,
  'packagingCode' | 'ladingQuantity' | 'weights' | 'volumes' | 'marks' | 'trackingNumbers'
>;

const WEIGHT_QUALIFIERS = new Set(['G', 'N', 'WT', 'SW', 'A3']);
/** REF qualifiers that carry a tracking number: `2I` tracking number, `CN` carrier's PRO/reference number. */
const TRACKING_REFERENCES = new Set(['2I', 'CN']);

/** TD1 packaging and weight, MEA weights and volumes, MAN marks (SSCC-18), tracking numbers. */
export function readContainer(loop: LoopInstance, elements: ElementReader): ContainerDetails {
  const weights: Draft<Measure>[] = [];
  const volumes: Draft<Measure>[] = [];
  const td1s = segmentsOf(loop, 'TD1');
  for (const td1 of td1s) {
    const weight = elements.real(td1, 7);
    if (weight !== undefined)
      weights.push({ qualifier: elements.text(td1, 6), value: weight, uom: elements.text(td1, 8) });
    const volume = elements.real(td1, 9);
    if (volume !== undefined) volumes.push({ value: volume, uom: elements.text(td1, 10) });
  }
  for (const mea of segmentsOf(loop, 'MEA')) {
    const qualifier = elements.text(mea, 2);
    const value = elements.real(mea, 3);
    if (qualifier === undefined || value === undefined) continue;
    const measure = { qualifier, value, uom: elements.component(mea, 4, 1) };
    if (WEIGHT_QUALIFIERS.has(qualifier)) weights.push(measure);
    else if (qualifier === 'VOL') volumes.push(measure);
  }
  const po4 = firstSegment(loop, 'PO4');
  const packWeight = po4 && elements.real(po4, 6);
  if (po4 && packWeight !== undefined)
    weights.push({ qualifier: elements.text(po4, 5), value: packWeight, uom: elements.text(po4, 7) });

  const marks = readMarks(loop, elements);
  const tracking = [
    ...segmentsOf(loop, 'REF')
      .filter((ref) => TRACKING_REFERENCES.has(elements.text(ref, 1) ?? ''))
      .map((ref) => elements.text(ref, 2)),
    ...marks.filter((m) => m.mark.qualifier === 'CP').map((m) => m.mark.value),
  ].filter((t): t is string => t !== undefined);
  const [td1] = td1s;
  return {
    packagingCode: td1 && elements.text(td1, 1),
    ladingQuantity: td1 && elements.implied(td1, 2, 0),
    weights: nonEmpty(weights),
    volumes: nonEmpty(volumes),
    marks: nonEmpty(marks.map((m) => m.mark)),
    trackingNumbers: nonEmpty([...new Set(tracking)]),
  };
}

/** The SSCC-18 of a tare or pack, from its first `GM` mark. */
export function readSscc(loop: LoopInstance, elements: ElementReader): string | undefined {
  const gm = readMarks(loop, elements).find((m) => m.mark.qualifier === 'GM');
  return gm && ssccFrom(gm, elements);
}

interface Mark {
  mark: PartyIdentifier;
  segment: Segment;
  position: number;
}

/** MAN01/02 and, where sent, the second qualifier and number MAN04/05. */
function readMarks(loop: LoopInstance, elements: ElementReader): Mark[] {
  const marks: Mark[] = [];
  for (const man of segmentsOf(loop, 'MAN')) {
    for (const position of [1, 4]) {
      const qualifier = elements.text(man, position);
      const value = elements.text(man, position + 1);
      if (qualifier !== undefined && value !== undefined)
        marks.push({ mark: { qualifier, value }, segment: man, position: position + 1 });
    }
  }
  return marks;
}

/**
 * An SSCC-18 from a `GM` mark. Labels often carry it with its GS1 application identifier `00` in
 * front (20 digits). A value that is not 18 digits is kept as a mark only and reported. The check
 * digit is not verified here: the number is what the carton's label says, and label checks are a
 * business rule.
 */
function ssccFrom({ segment: man, position, mark }: Mark, elements: ElementReader): string | undefined {
  const raw = mark.value;
  const digits = /^00\d{18}$/.test(raw) ? raw.slice(2) : raw;
  if (!/^\d{18}$/.test(digits)) {
    const code = /^\d+$/.test(digits)
      ? digits.length < 18
        ? ElementError.tooShort
        : ElementError.tooLong
      : ElementError.invalidCharacter;
    const why =
      'is not an SSCC-18 (18 digits, or 20 with the application identifier 00); kept as a mark only';
    elements.reject(man, position, code, raw, why, undefined, 'warning');
    return undefined;
  }
  return digits;
}
