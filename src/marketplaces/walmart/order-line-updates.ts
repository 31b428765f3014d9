import { addDecimals } from '../../canonical/index.js';
import type { LineCancellation, ShipmentConfirmation } from '../connector.js';
import { MarketplaceError } from '../marketplace-error.js';
import {
  WALMART_CANCEL_REASONS,
  WALMART_SHIP_METHODS,
  walmartCancelReason,
  walmartCarrier,
  walmartShipMethod,
} from './walmart-codes.js';

/** `statusQuantity`: Walmart counts order lines in whole units. */
interface StatusQuantity {
  unitOfMeasurement: 'EACH';
  amount: string;
}

/** One line of `POST /v3/orders/{purchaseOrderId}/shipping`. */
export interface WalmartShippedLine {
  lineNumber: string;
  orderLineStatuses: {
    orderLineStatus: {
      status: 'Shipped';
      statusQuantity: StatusQuantity;
      trackingInfo: {
        /** Epoch milliseconds. */
        shipDateTime: number;
        carrierName: { carrier: string };
        methodCode: string;
        trackingNumber: string;
      };
    }[];
  };
}

/** The body of `POST /v3/orders/{purchaseOrderId}/shipping`. */
export interface WalmartShipmentBody {
  orderShipment: { orderLines: { orderLine: WalmartShippedLine[] } };
}

/** The body of `POST /v3/orders/{purchaseOrderId}/cancel`. */
export interface WalmartCancellationBody {
  orderCancellation: {
    orderLines: {
      orderLine: {
        lineNumber: string;
        orderLineStatuses: {
          orderLineStatus: {
            status: 'Cancelled';
            cancellationReason: string;
            statusQuantity: StatusQuantity;
          }[];
        };
      }[];
    };
  };
}

/** A shipment checked against what Walmart takes, all but its shipping method. */
export interface CheckedShipment {
  lines: { lineNumber: string; amount: string }[];
  carrier: string;
  shipDateTime: number;
  trackingNumber: string;
}

/**
 * A shipment checked for Walmart: lines by Walmart line number (the shipment's `lineId`) with
 * whole quantities, the ship time as epoch milliseconds, and the carrier as Walmart names it.
 * Walmart takes `otherCarrier` only with a tracking URL, which a `ShipmentConfirmation` does not
 * carry, so a carrier Walmart does not name is refused here, saying how to fix it.
 */
export function checkShipment(shipment: ShipmentConfirmation, label: string): CheckedShipment {
  const refuse = (why: string): MarketplaceError =>
    MarketplaceError.refused(`${label}: confirmShipment of ${shipment.orderId} cannot be sent: ${why}`);
  const carrier = walmartCarrier(shipment.carrier);
  if (carrier === undefined)
    throw refuse(
      `the carrier "${shipment.carrier}" is not one of Walmart's carrier names, and Walmart takes another carrier only with a tracking URL; name the carrier as Walmart does (UPS, USPS, FedEx, DHL, OnTrac, FEDEXSP...)`,
    );
  const shipDateTime = epochMillisOf(shipment.shippedAt);
  if (shipDateTime === undefined)
    throw refuse(`shippedAt "${shipment.shippedAt}" is not an ISO 8601 date-time (2026-12-05T15:00:00Z)`);
  const trackingNumber = shipment.trackingNumber.trim();
  if (trackingNumber === '') throw refuse('the tracking number is empty');
  return { lines: linesOf(shipment.lines, refuse), carrier, shipDateTime, trackingNumber };
}

/**
 * Walmart's ship-order-lines body: each line `Shipped` with its quantity and the package's
 * tracking.
 *
 * @example
 * const checked = checkShipment({ orderId: '1577684050862', carrier: 'fedex', trackingNumber: '3445435443441221',
 *   shippedAt: '2026-12-05T15:00:00Z', lines: [{ lineId: '1', quantity: '1' }] }, 'partner walmart-us');
 * shipmentBody(checked, 'Value'); // { orderShipment: { orderLines: { orderLine: [...] } } }
 */
export function shipmentBody(shipment: CheckedShipment, methodCode: string): WalmartShipmentBody {
  const trackingInfo = {
    shipDateTime: shipment.shipDateTime,
    carrierName: { carrier: shipment.carrier },
    methodCode,
    trackingNumber: shipment.trackingNumber,
  };
  return {
    orderShipment: {
      orderLines: {
        orderLine: shipment.lines.map(({ lineNumber, amount }) => ({
          lineNumber,
          orderLineStatuses: {
            orderLineStatus: [
              { status: 'Shipped', statusQuantity: { unitOfMeasurement: 'EACH', amount }, trackingInfo },
            ],
          },
        })),
      },
    },
  };
}

/**
 * A line cancellation as Walmart's cancel-order-lines body. The reason must be one of Walmart's
 * five codes or a word for one (`out_of_stock`, `pricing_error`...): none is assumed, because each
 * code has its consequence on the seller's account.
 */
export function cancellationBody(cancellation: LineCancellation, label: string): WalmartCancellationBody {
  const refuse = (why: string): MarketplaceError =>
    MarketplaceError.refused(`${label}: cancelLines of ${cancellation.orderId} cannot be sent: ${why}`);
  const reason = walmartCancelReason(cancellation.reason);
  if (reason === undefined)
    throw refuse(
      `the reason "${cancellation.reason}" is none of Walmart's cancellation reasons (${WALMART_CANCEL_REASONS.join(', ')}) nor a word for one (out_of_stock, pricing_error, fraud, address_not_serviceable, customer_requested)`,
    );
  return {
    orderCancellation: {
      orderLines: {
        orderLine: linesOf(cancellation.lines, refuse).map(({ lineNumber, amount }) => ({
          lineNumber,
          orderLineStatuses: {
            orderLineStatus: [
              {
                status: 'Cancelled',
                cancellationReason: reason,
                statusQuantity: { unitOfMeasurement: 'EACH', amount },
              },
            ],
          },
        })),
      },
    },
  };
}

/**
 * The shipping method as Walmart's `methodCode`, or a refusal naming the ones Walmart takes
 * (`TwoDay` and `NextDay`, which orders show as the customer's choice, are none of them).
 */
export function shipMethodCode(method: string, label: string, orderId: string): string {
  const code = walmartShipMethod(method);
  if (code !== undefined) return code;
  throw MarketplaceError.refused(
    `${label}: confirmShipment of ${orderId} cannot be sent: the shipping method "${method}" is none of Walmart's (${WALMART_SHIP_METHODS.join(', ')}); give the shipment one of them as its method`,
  );
}

/** Lines by Walmart line number with whole quantities; a line named twice is shipped (or cancelled) once, for the sum. */
function linesOf(
  lines: readonly { lineId: string; quantity: string }[],
  refuse: (why: string) => MarketplaceError,
): { lineNumber: string; amount: string }[] {
  if (lines.length === 0) throw refuse('it names no line');
  const amounts = new Map<string, string>();
  for (const line of lines) {
    const lineNumber = line.lineId.trim();
    if (lineNumber === '') throw refuse('a line has an empty line id (Walmart line number)');
    const match = /^0*(\d+)(\.0+)?$/.exec(line.quantity.trim());
    if (match === null || match[1] === '0')
      throw refuse(
        `the quantity "${line.quantity}" of line ${lineNumber} is not a whole number above 0 (Walmart counts order lines in units)`,
      );
    const amount = match[1] ?? '0';
    const before = amounts.get(lineNumber);
    amounts.set(lineNumber, before === undefined ? amount : addDecimals(before, amount));
  }
  return [...amounts].map(([lineNumber, amount]) => ({ lineNumber, amount }));
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function epochMillisOf(value: string): number | undefined {
  if (!ISO_DATE_TIME.test(value.trim())) return undefined;
  const at = Date.parse(value.trim());
  return Number.isNaN(at) ? undefined : at;
}
