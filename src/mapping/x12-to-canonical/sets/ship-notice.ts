import type { Draft, ShipNotice, ShipNoticeOrder } from '../../../canonical/index.js';
import { ElementError, firstSegment } from '../../../x12/index.js';
import { purposes } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { readCarriers } from '../readers/carriers.js';
import { readDates } from '../readers/dates.js';
import { nonEmpty, starts } from '../readers/loop-navigation.js';
import { readNotes } from '../readers/notes.js';
import { readParties } from '../readers/parties.js';
import { readReferences, referenceValue } from '../readers/references.js';
import type { TransactionSetMapper } from '../transaction-set-mapper.js';
import { readContainer } from './ship-notice-containers.js';
import { buildHierarchy, type HlNode } from './ship-notice-hierarchy.js';
import { readOrder } from './ship-notice-levels.js';

/**
 * 856 ship notice -> `ship_notice`. The HL tree is rebuilt from HL01/HL02, so both the
 * pick-and-pack (S/O/P/I) and the standard carton (S/O/T/P/I) layouts are read, with items under
 * packs, tares or directly under their order.
 */
export const shipNoticeMapper: TransactionSetMapper = {
  transactionSetIds: ['856'],
  documentType: 'ship_notice',
  map({ tree, elements, header }): Draft<ShipNotice> | undefined {
    const bsn = firstSegment(tree, 'BSN');
    if (!bsn) {
      elements.missing('BSN', 'the shipment id and date are read from BSN');
      return undefined;
    }
    const shipment = findShipment(buildHierarchy(tree, elements), elements);
    if (!shipment) {
      elements.missing('HL', 'an 856 needs a shipment-level HL (HL03 S) at the top of its hierarchy');
      return undefined;
    }
    const orders = shipment.children
      .filter((child) => isOrder(child, shipment, elements))
      .map((order) => readOrder(order, elements));
    const references = readReferences(shipment.loop, elements);
    const purposeCode = elements.text(bsn, 1);
    const [ctt] = starts(tree, 'CTT');
    return {
      type: 'ship_notice',
      ...header,
      ...readContainer(shipment.loop, elements),
      shipmentId: elements.text(bsn, 2),
      purpose: purposes.toCanonical(purposeCode),
      purposeCode,
      shipmentDate: elements.date(bsn, 3),
      shipmentTime: elements.time(bsn, 4),
      hierarchyStructureCode: elements.text(bsn, 5),
      structure: structureOf(orders),
      hlId: shipment.id,
      carriers: nonEmpty(readCarriers(shipment.loop, elements)),
      billOfLading: referenceValue(references, 'BM'),
      parties: readParties(shipment.loop, elements),
      references,
      dates: [...readDates(tree, elements), ...readDates(shipment.loop, elements)],
      notes: readNotes(tree, elements),
      orders,
      totals: ctt && { lineCount: elements.count(ctt, 1), quantityTotal: elements.real(ctt, 2) },
    };
  },
};

/** The one top-level HL, which must be the shipment; any other top-level HL is reported. */
function findShipment(roots: HlNode[], elements: ElementReader): HlNode | undefined {
  const shipment = roots.find((root) => root.level === 'S');
  for (const root of roots) {
    if (root === shipment) continue;
    const why =
      'stands at the top of the hierarchy (HL02 empty); only the shipment level (S) may, and only once';
    elements.reject(root.hl, 3, ElementError.invalidCode, root.level, why);
  }
  return shipment;
}

function isOrder(child: HlNode, shipment: HlNode, elements: ElementReader): boolean {
  if (child.level === 'O') return true;
  const why = `cannot be read directly under the shipment (HL ${shipment.id}): ship notices are read as shipment > order > [tare >] [pack >] item`;
  elements.reject(child.hl, 3, ElementError.invalidCode, child.level, why);
  return false;
}

/** The levels present, outermost first: `S/O/P/I`, `S/O/T/P/I`, `S/O/I`... */
function structureOf(orders: Draft<ShipNoticeOrder>[]): string {
  const tares = orders.flatMap((o) => o.tares ?? []);
  const packs = [...orders.flatMap((o) => o.packs ?? []), ...tares.flatMap((t) => t.packs ?? [])];
  const items = [
    ...orders.flatMap((o) => o.items ?? []),
    ...tares.flatMap((t) => t.items ?? []),
    ...packs.flatMap((p) => p.items ?? []),
  ];
  const levels = ['S', orders.length && 'O', tares.length && 'T', packs.length && 'P', items.length && 'I'];
  return levels.filter((level): level is string => typeof level === 'string').join('/');
}
