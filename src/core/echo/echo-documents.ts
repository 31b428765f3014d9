import type {
  Invoice,
  PurchaseOrder,
  PurchaseOrderAck,
  PurchaseOrderLine,
  ShipNotice,
  ShipNoticeItem,
  ShipNoticeOrder,
} from '../../canonical/index.js';
import {
  echoedParties,
  echoedReferences,
  lineIdentifiers,
  withEchoedLineIds,
  type OrderEcho,
} from './echo-fields.js';

/**
 * The 855 with what the partner wants repeated from its order. Each list the partner names
 * replaces what the 855 holds by default: without `parties` the 855 repeats every party of the
 * order, without `references` none, without `lineIds` each line's ids as ordered. Pure.
 *
 * @example
 * echoIntoAck(ack, po, { references: ['DP'], parties: ['ST'], lineIds: ['IN', 'VN'] });
 * // REF*DP, N1*ST and PO1 ...*IN*...*VN*... in the 855 as rendered
 */
export function echoIntoAck(
  ack: PurchaseOrderAck,
  order: PurchaseOrder,
  echo: OrderEcho | undefined,
): PurchaseOrderAck {
  if (echo === undefined) return ack;
  const { references, parties, lineIds } = echo;
  const byNumber = linesByNumber(order.lines);
  return {
    ...ack,
    ...(references === undefined ? {} : { references: echoedReferences(order, references, []) }),
    ...(parties === undefined ? {} : { parties: echoedParties(order, parties, []) }),
    ...(lineIds === undefined
      ? {}
      : {
          lines: ack.lines.map((line) => {
            const ordered = byNumber.get(line.lineNumber);
            return ordered === undefined ? line : { ...line, productIds: lineIdentifiers(ordered, lineIds) };
          }),
        }),
  };
}

/**
 * The 810 with the order's listed references and parties added at the header, and each line's
 * listed ids added where the invoice line lacks them (lines matched by line number, else by a
 * shared product id). What the invoice already carries wins. Pure.
 *
 * @example
 * echoIntoInvoice(invoice, po, { references: ['DP'] }).references; // [...invoice's, { qualifier: 'DP', ... }]
 */
export function echoIntoInvoice(
  invoice: Invoice,
  order: PurchaseOrder,
  echo: OrderEcho | undefined,
): Invoice {
  if (echo === undefined) return invoice;
  return {
    ...invoice,
    references: [...invoice.references, ...echoedReferences(order, echo.references, invoice.references)],
    parties: [...invoice.parties, ...echoedParties(order, echo.parties, invoice.parties)],
    lines: invoice.lines.map((line) =>
      withEchoedLineIds(line, orderLineFor(line, order.lines), echo.lineIds),
    ),
  };
}

/**
 * The 856 with, in each order level whose PO number is among `orders`, that order's listed
 * references and parties added, and its items' listed ids added (in packs and on tares too).
 * What the notice already carries wins; orders not found are left as posted. Pure.
 *
 * @example
 * echoIntoShipNotice(notice, new Map([['PO-1', po]]), { references: ['DP'] });
 */
export function echoIntoShipNotice(
  notice: ShipNotice,
  orders: ReadonlyMap<string, PurchaseOrder>,
  echo: OrderEcho | undefined,
): ShipNotice {
  if (echo === undefined) return notice;
  return {
    ...notice,
    orders: notice.orders.map((level) => {
      const order = level.poNumber === undefined ? undefined : orders.get(level.poNumber);
      return order === undefined ? level : echoIntoOrderLevel(level, order, echo);
    }),
  };
}

function echoIntoOrderLevel(level: ShipNoticeOrder, order: PurchaseOrder, echo: OrderEcho): ShipNoticeOrder {
  const items = (list: ShipNoticeItem[]) =>
    list.map((item) => withEchoedLineIds(item, orderLineFor(item, order.lines), echo.lineIds));
  const references = echoedReferences(order, echo.references, level.references ?? []);
  const parties = echoedParties(order, echo.parties, level.parties ?? []);
  return {
    ...level,
    ...(references.length === 0 ? {} : { references: [...(level.references ?? []), ...references] }),
    ...(parties.length === 0 ? {} : { parties: [...(level.parties ?? []), ...parties] }),
    items: items(level.items),
    packs: level.packs.map((pack) => ({ ...pack, items: items(pack.items) })),
    tares: level.tares.map((tare) => ({
      ...tare,
      items: items(tare.items),
      packs: tare.packs.map((pack) => ({ ...pack, items: items(pack.items) })),
    })),
  };
}

function linesByNumber(lines: readonly PurchaseOrderLine[]): Map<string, PurchaseOrderLine> {
  return new Map(lines.map((line) => [line.lineNumber, line]));
}

/** The ordered line a reply line answers: same line number, else the first sharing a product id value. */
function orderLineFor(
  line: { lineNumber?: string; ids: Record<string, string | undefined>; productIds?: { value: string }[] },
  lines: readonly PurchaseOrderLine[],
): PurchaseOrderLine | undefined {
  if (line.lineNumber !== undefined) {
    const same = lines.find((ordered) => ordered.lineNumber === line.lineNumber);
    if (same !== undefined) return same;
  }
  const values = new Set([
    ...Object.values(line.ids).filter((v): v is string => v !== undefined),
    ...(line.productIds ?? []).map((id) => id.value),
  ]);
  return lines.find(
    (ordered) =>
      Object.values(ordered.ids).some((v) => v !== undefined && values.has(v)) ||
      (ordered.productIds ?? []).some((id) => values.has(id.value)),
  );
}
