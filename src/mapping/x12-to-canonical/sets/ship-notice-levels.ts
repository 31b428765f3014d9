import type {
  Draft,
  ShipNoticeItem,
  ShipNoticeOrder,
  ShipNoticePack,
  ShipNoticeTare,
} from '../../../canonical/index.js';
import { ElementError, firstSegment } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import { readDates } from '../readers/dates.js';
import { readLineDetails } from '../readers/line-details.js';
import { nonEmpty } from '../readers/loop-navigation.js';
import { readParties } from '../readers/parties.js';
import { readProductIds } from '../readers/product-ids.js';
import { readReferences } from '../readers/references.js';
import { readContainer, readSscc } from './ship-notice-containers.js';
import type { HlNode } from './ship-notice-hierarchy.js';

const LEVEL_NAMES: Record<string, string> = { S: 'shipment', O: 'order', T: 'tare', P: 'pack', I: 'item' };

/** An order level (`O`): PRF, its parties and references, and the tares, packs and items under it. */
export function readOrder(node: HlNode, elements: ElementReader): Draft<ShipNoticeOrder> {
  const children = childrenOf(node, ['T', 'P', 'I'], elements);
  const prf = firstSegment(node.loop, 'PRF');
  return {
    ...levelCommon(node, elements),
    ...readContainer(node.loop, elements),
    poNumber: prf && elements.text(prf, 1),
    releaseNumber: prf && elements.text(prf, 2),
    poDate: prf && elements.date(prf, 4),
    parties: nonEmpty(readParties(node.loop, elements)),
    tares: children.T.map((tare) => readTare(tare, elements)),
    packs: children.P.map((pack) => readPack(pack, elements)),
    items: children.I.map((item) => readItem(item, elements)),
  };
}

function readTare(node: HlNode, elements: ElementReader): Draft<ShipNoticeTare> {
  const children = childrenOf(node, ['P', 'I'], elements);
  return {
    ...levelCommon(node, elements),
    ...readContainer(node.loop, elements),
    sscc: readSscc(node.loop, elements),
    packs: children.P.map((pack) => readPack(pack, elements)),
    items: children.I.map((item) => readItem(item, elements)),
  };
}

function readPack(node: HlNode, elements: ElementReader): Draft<ShipNoticePack> {
  const children = childrenOf(node, ['I'], elements);
  return {
    ...levelCommon(node, elements),
    ...readContainer(node.loop, elements),
    sscc: readSscc(node.loop, elements),
    items: children.I.map((item) => readItem(item, elements)),
  };
}

/** An item level (`I`): LIN product ids, SN1 quantities, PID, PO4, and the usual REF/DTM/N1. */
function readItem(node: HlNode, elements: ElementReader): Draft<ShipNoticeItem> {
  childrenOf(node, [], elements);
  const lin = firstSegment(node.loop, 'LIN');
  const sn1 = firstSegment(node.loop, 'SN1');
  const { ids, productIds } = lin ? readProductIds(lin, 2, 31, elements) : { ids: {}, productIds: undefined };
  const { description, pack, parties } = readLineDetails(node.loop, elements);
  return {
    ...levelCommon(node, elements),
    lineNumber: (lin && elements.text(lin, 1)) ?? (sn1 && elements.text(sn1, 1)),
    ids,
    productIds,
    quantityShipped: sn1 && elements.real(sn1, 2),
    uom: sn1 && elements.text(sn1, 3),
    quantityOrdered: sn1 && elements.real(sn1, 5),
    orderedUom: sn1 && elements.text(sn1, 6),
    description,
    pack,
    parties,
  };
}

function levelCommon(node: HlNode, elements: ElementReader) {
  return {
    hlId: node.id,
    references: nonEmpty(readReferences(node.loop, elements)),
    dates: nonEmpty(readDates(node.loop, elements)),
  };
}

type Children = Record<'T' | 'P' | 'I', HlNode[]>;

/**
 * The children of a level, grouped by level code. A child at a level the canonical ship notice
 * cannot hold there (a pack under an item, an order under a pack) is reported, not dropped quietly.
 */
function childrenOf(node: HlNode, allowed: readonly (keyof Children)[], elements: ElementReader): Children {
  const children: Children = { T: [], P: [], I: [] };
  for (const child of node.children) {
    const level = child.level as keyof Children;
    if (allowed.includes(level)) {
      children[level].push(child);
      continue;
    }
    const parent = `${LEVEL_NAMES[node.level] ?? node.level} (HL ${node.id})`;
    const why = `cannot be read under ${parent}: ship notices are read as shipment > order > [tare >] [pack >] item`;
    elements.reject(child.hl, 3, ElementError.invalidCode, child.level, why);
  }
  return children;
}
