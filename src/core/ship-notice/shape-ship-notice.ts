import {
  addDecimals,
  documentId,
  shipNoticeStructure,
  type CanonicalError,
  type ShipNotice,
  type ShipNoticeItem,
  type ShipNoticeOrder,
  type ShipNoticePack,
  type ShipNoticeTare,
} from '../../canonical/index.js';
import { ssccFromMark, ssccProblem } from './sscc.js';

/** How a partner takes its 856s, as its file says (`documents.options.856`). */
export interface ShipNoticeShape {
  hierarchy: 'SOTPI' | 'SOPI' | 'SOI';
  perOrder: boolean;
  packageLabel: 'sscc-18' | 'none';
}

export type ShapedShipNotices =
  { ok: true; notices: ShipNotice[] } | { ok: false; reason: string; problems: CanonicalError[] };

/**
 * BSN05 of each hierarchy: pick and pack, with or without tares, is 0001 (shipment, order,
 * packaging, item); standard pack without cartons is 0004 (shipment, order, item).
 */
export const STRUCTURE_CODES = { SOTPI: '0001', SOPI: '0001', SOI: '0004' } as const;

/**
 * Turns a posted shipment into the 856s the partner's hierarchy calls for. SOI: items of packs and
 * tares are gathered under their order (one item per line, quantities added). SOPI: packs on tares
 * are lifted to their order. SOTPI: levels stay as posted. In SOPI and SOTPI every item must be in
 * a pack, and with `sscc-18` labels every pack needs a valid SSCC-18 (or a MAN GM mark holding
 * one). BSN05 and `structure` are written to match; a BSN05 the shipment names that the hierarchy
 * contradicts is refused. `perOrder` gives one 856 per order, each with its own id. What cannot be
 * shaped is refused with every problem, by path. Pure.
 *
 * @example
 * const shaped = shapeShipNotice(notice, { hierarchy: 'SOPI', perOrder: false, packageLabel: 'sscc-18' });
 * const reason = shaped.ok ? undefined : shaped.reason;
 */
export function shapeShipNotice(notice: ShipNotice, shape: ShipNoticeShape): ShapedShipNotices {
  const problems: CanonicalError[] = [];
  const code = STRUCTURE_CODES[shape.hierarchy];
  if (notice.hierarchyStructureCode !== undefined && notice.hierarchyStructureCode !== code) {
    problems.push({
      path: '/hierarchyStructureCode',
      message: `is ${notice.hierarchyStructureCode}, but the partner's ${shape.hierarchy} 856 is structure ${code}`,
    });
  }
  if (notice.orders.length === 0) problems.push({ path: '/orders', message: 'names no order' });
  const orders = notice.orders.map((order, index) => shapeOrder(order, `/orders/${index}`, shape, problems));
  if (problems.length > 0) {
    const reason = `the shipment cannot be sent as the partner's ${shape.hierarchy} 856: ${problems
      .map((p) => `${p.path} ${p.message}`)
      .join('; ')}`;
    return { ok: false, reason, problems };
  }
  const shaped: ShipNotice = {
    ...notice,
    hierarchyStructureCode: code,
    orders,
    structure: shipNoticeStructure({ orders }),
  };
  if (!shape.perOrder || orders.length === 1) return { ok: true, notices: [shaped] };
  return { ok: true, notices: orders.map((order, index) => noticeForOrder(shaped, order, index)) };
}

function shapeOrder(
  order: ShipNoticeOrder,
  path: string,
  shape: ShipNoticeShape,
  problems: CanonicalError[],
): ShipNoticeOrder {
  const name = order.poNumber === undefined ? `order ${path}` : `order ${order.poNumber}`;
  let shaped: ShipNoticeOrder;
  if (shape.hierarchy === 'SOI') {
    shaped = { ...order, tares: [], packs: [], items: gatherItems(order) };
  } else {
    const tarePacks = order.tares.flatMap((tare) => tare.packs);
    shaped =
      shape.hierarchy === 'SOPI' ? { ...order, tares: [], packs: [...order.packs, ...tarePacks] } : order;
    if (order.items.length > 0) {
      problems.push({
        path: `${path}/items`,
        message: `${name} has ${order.items.length} item(s) outside any pack; a ${shape.hierarchy} 856 puts every item in a pack`,
      });
    }
    order.tares.forEach((tare, t) => {
      if (tare.items.length > 0) {
        problems.push({
          path: `${path}/tares/${t}/items`,
          message: `${name} has item(s) loose on a tare; a ${shape.hierarchy} 856 puts every item in a pack`,
        });
      }
      checkLabel(tare, `${path}/tares/${t}`, 'tare', false, problems);
      tare.packs.forEach((pack, p) => checkPack(pack, `${path}/tares/${t}/packs/${p}`, shape, problems));
    });
    order.packs.forEach((pack, p) => checkPack(pack, `${path}/packs/${p}`, shape, problems));
  }
  if (countItems(shaped) === 0) problems.push({ path, message: `${name} ships no item` });
  return shaped;
}

function checkPack(pack: ShipNoticePack, path: string, shape: ShipNoticeShape, problems: CanonicalError[]) {
  if (pack.items.length === 0) problems.push({ path: `${path}/items`, message: 'the pack holds no item' });
  checkLabel(pack, path, 'pack', shape.packageLabel === 'sscc-18', problems);
}

/** A container's SSCC: required for packs when the partner labels cartons, valid wherever given. */
function checkLabel(
  container: ShipNoticePack | ShipNoticeTare,
  path: string,
  what: string,
  required: boolean,
  problems: CanonicalError[],
) {
  const fromMark = container.marks?.find((mark) => mark.qualifier === 'GM')?.value;
  if (container.sscc !== undefined) {
    const problem = ssccProblem(container.sscc);
    if (problem !== undefined) problems.push({ path: `${path}/sscc`, message: `is no SSCC-18: ${problem}` });
  } else if (fromMark !== undefined) {
    const sscc = ssccFromMark(fromMark);
    const problem = sscc === undefined ? `'${fromMark}' is not 18 digits (or 20 with 00)` : ssccProblem(sscc);
    if (problem !== undefined)
      problems.push({ path: `${path}/marks`, message: `GM is no SSCC-18: ${problem}` });
  } else if (required) {
    problems.push({
      path: `${path}/sscc`,
      message: `is required: the partner labels every ${what} with an SSCC-18 (packageLabel sscc-18)`,
    });
  }
}

/** Every item of the order, wherever it sat, one per line and unit (quantities added). */
function gatherItems(order: ShipNoticeOrder): ShipNoticeItem[] {
  const all = [
    ...order.items,
    ...order.packs.flatMap((pack) => pack.items),
    ...order.tares.flatMap((tare) => [...tare.items, ...tare.packs.flatMap((pack) => pack.items)]),
  ];
  const gathered = new Map<string, ShipNoticeItem>();
  for (const item of all) {
    const key = JSON.stringify([item.lineNumber, item.uom, item.ids, item.productIds]);
    const seen = gathered.get(key);
    gathered.set(
      key,
      seen === undefined
        ? item
        : {
            ...seen,
            quantityShipped: addDecimals(seen.quantityShipped, item.quantityShipped),
            // An item's HL id names one place; gathered from several it names none.
            hlId: undefined,
          },
    );
  }
  return [...gathered.values()].map(({ hlId, ...item }) => (hlId === undefined ? item : { ...item, hlId }));
}

function countItems(order: ShipNoticeOrder): number {
  return (
    order.items.length +
    order.packs.reduce((n, pack) => n + pack.items.length, 0) +
    order.tares.reduce(
      (n, tare) => n + tare.items.length + tare.packs.reduce((m, p) => m + p.items.length, 0),
      0,
    )
  );
}

/**
 * One order's 856: the shipment's header with that order alone. Shipment totals (lading quantity,
 * weights, volumes, CTT) describe the whole shipment, so the order's own are used, or none.
 */
function noticeForOrder(notice: ShipNotice, order: ShipNoticeOrder, index: number): ShipNotice {
  const {
    packagingCode: _packagingCode,
    ladingQuantity: _ladingQuantity,
    weights: _weights,
    volumes: _volumes,
    totals: _totals,
    ...header
  } = notice;
  const key = order.poNumber ?? String(index + 1);
  return {
    ...header,
    id: documentId('ship_notice', notice.partnerId, [notice.shipmentId, key]),
    ...(order.packagingCode === undefined ? {} : { packagingCode: order.packagingCode }),
    ...(order.ladingQuantity === undefined ? {} : { ladingQuantity: order.ladingQuantity }),
    ...(order.weights === undefined ? {} : { weights: order.weights }),
    ...(order.volumes === undefined ? {} : { volumes: order.volumes }),
    orders: [order],
    structure: shipNoticeStructure({ orders: [order] }),
  };
}
