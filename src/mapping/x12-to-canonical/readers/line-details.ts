import type {
  DateEntry,
  Draft,
  LinePack,
  LineSchedule,
  ProductCharacteristic,
  PurchaseOrderLine,
} from '../../../canonical/index.js';
import { firstSegment, type LoopInstance, type Segment } from '../../../x12/index.js';
import { dateQualifiers } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { readAllowancesCharges, readTxi } from './allowances-charges.js';
import { readDates } from './dates.js';
import { nonEmpty, segmentsWithin, starts } from './loop-navigation.js';
import { readNotes } from './notes.js';
import { readParties } from './parties.js';
import { readReferences } from './references.js';

/** What order, acknowledgment, shipment and invoice lines share beside their own first segment. */
export type LineDetails = Pick<
  Draft<PurchaseOrderLine>,
  | 'description'
  | 'characteristics'
  | 'pack'
  | 'dates'
  | 'parties'
  | 'references'
  | 'notes'
  | 'allowancesCharges'
  | 'taxes'
  | 'schedules'
>;

/**
 * The children of a line loop (PO1, IT1, an item HL): PID descriptions, PO4 pack, DTM, N1, REF,
 * MSG/NTE, SAC, TXI and SCH. Empty collections are left out.
 */
export function readLineDetails(loop: LoopInstance, elements: ElementReader): LineDetails {
  const { description, characteristics } = readDescriptions(starts(loop, 'PID'), elements);
  const po4 = firstSegment(loop, 'PO4');
  return {
    description,
    characteristics: nonEmpty(characteristics),
    pack: po4 && readPo4(po4, elements),
    dates: nonEmpty(readDates(loop, elements)),
    parties: nonEmpty(readParties(loop, elements)),
    references: nonEmpty(readReferences(loop, elements)),
    notes: nonEmpty(readNotes(loop, elements)),
    allowancesCharges: nonEmpty(readAllowancesCharges(loop, elements)),
    taxes: nonEmpty(segmentsWithin(loop, 'TXI', ['SAC']).map((txi) => readTxi(txi, elements))),
    schedules: nonEmpty(starts(loop, 'SCH').map((sch) => readSch(sch, elements))),
  };
}

/**
 * PID: uncoded (or `08` product) descriptions make up the description, joined in order; coded
 * ones (colour, size...) are characteristics.
 */
function readDescriptions(pids: Segment[], elements: ElementReader) {
  const texts: string[] = [];
  const characteristics: ProductCharacteristic[] = [];
  for (const pid of pids) {
    const code = elements.text(pid, 2);
    const text = elements.text(pid, 5) ?? elements.text(pid, 4);
    if (text === undefined) continue;
    if (code === undefined || code === '08') texts.push(text);
    else characteristics.push({ code, description: text });
  }
  return { description: texts.length > 0 ? texts.join(' ') : undefined, characteristics };
}

/** PO4: pack (N0), size (R), uom, packaging code, gross weight and volume per pack (R), inner pack (N0). */
export function readPo4(po4: Segment, elements: ElementReader): Draft<LinePack> {
  const weight = elements.real(po4, 6);
  const volume = elements.real(po4, 8);
  return {
    pack: elements.implied(po4, 1, 0),
    size: elements.real(po4, 2),
    uom: elements.text(po4, 3),
    packagingCode: elements.text(po4, 4),
    weight:
      weight === undefined
        ? undefined
        : { qualifier: elements.text(po4, 5), value: weight, uom: elements.text(po4, 7) },
    volume: volume === undefined ? undefined : { value: volume, uom: elements.text(po4, 9) },
    innerPack: elements.implied(po4, 14, 0),
  };
}

/** SCH: a quantity with up to two dates (SCH05/06/07 and SCH08/09/10). */
function readSch(sch: Segment, elements: ElementReader): Draft<LineSchedule> {
  const dates: Draft<DateEntry>[] = [];
  for (const position of [5, 8]) {
    const qualifier = elements.text(sch, position);
    const date = elements.date(sch, position + 1);
    if (qualifier === undefined || date === undefined) continue;
    const time = elements.time(sch, position + 2);
    dates.push({ type: dateQualifiers.toCanonical(qualifier), qualifier, date, time });
  }
  return {
    quantity: elements.real(sch, 1),
    uom: elements.text(sch, 2),
    dates,
    requestReference: elements.text(sch, 11),
    assignedId: elements.text(sch, 12),
  };
}
