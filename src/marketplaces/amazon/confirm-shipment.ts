import { createHash } from 'node:crypto';
import type { ApiAnswer, ApiRequest } from '../api-client.js';
import type { ShipmentConfirmation } from '../connector.js';
import { MarketplaceError } from '../marketplace-error.js';
import { amazonInstant } from './pull-cursor.js';

/** What a shipment confirmation needs of the connector. */
export interface ShipmentContext {
  label: string;
  marketplaceIds: readonly string[];
  call<T>(request: ApiRequest): Promise<ApiAnswer<T>>;
}

/** The `confirmShipment` body of the Orders API v0 (`ConfirmShipmentRequest`). */
export interface AmazonShipmentConfirmation {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    trackingNumber: string;
    shipDate: string;
    shippingMethod?: string;
    orderItems: { orderItemId: string; quantity: number }[];
  };
}

/**
 * Confirms one package of a seller-fulfilled order (`POST .../shipmentConfirmation`, answered 204).
 * The marketplace is the partner's only one, or, where it sells in several, the order's own
 * `MarketplaceId` read with `getOrder`. `packageReferenceId` must be a positive number unique within
 * the order: it is derived from the tracking number, so a confirmation sent again names the same
 * package and two packages of one order differ. Quantities are whole units; a shipment that cannot
 * be sent as Amazon asks is refused before any call.
 *
 * @example
 * await confirmAmazonShipment(context, { orderId, carrier: 'UPS', trackingNumber, shippedAt, lines });
 */
export async function confirmAmazonShipment(
  context: ShipmentContext,
  shipment: ShipmentConfirmation,
): Promise<void> {
  const body = await confirmationBody(context, shipment);
  await context.call<unknown>({
    operation: 'confirmShipment',
    method: 'POST',
    path: `/orders/v0/orders/${encodeURIComponent(shipment.orderId)}/shipmentConfirmation`,
    data: body,
    subject: shipment.orderId,
  });
}

async function confirmationBody(
  context: ShipmentContext,
  shipment: ShipmentConfirmation,
): Promise<AmazonShipmentConfirmation> {
  const problems: string[] = [];
  if (shipment.carrier.trim() === '') problems.push('the carrier is empty (Amazon needs its carrierCode)');
  if (shipment.trackingNumber.trim() === '') problems.push('the tracking number is empty');
  const shippedAt = Date.parse(shipment.shippedAt);
  if (Number.isNaN(shippedAt)) problems.push(`shippedAt ${shipment.shippedAt} is not an ISO 8601 date-time`);
  if (shipment.lines.length === 0) problems.push('it names no order items');
  for (const line of shipment.lines)
    if (!/^[1-9]\d*(\.0+)?$/.test(line.quantity))
      problems.push(`order item ${line.lineId} has quantity ${line.quantity}: Amazon confirms whole units`);
  if (problems.length > 0)
    throw MarketplaceError.refused(
      `${context.label}: confirmShipment of ${shipment.orderId} was not sent: ${problems.join('; ')}`,
    );
  return {
    marketplaceId: await marketplaceOf(context, shipment.orderId),
    packageDetail: {
      packageReferenceId: packageReferenceId(shipment.trackingNumber),
      carrierCode: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      shipDate: amazonInstant(shippedAt),
      ...(shipment.method === undefined || shipment.method === '' ? {} : { shippingMethod: shipment.method }),
      orderItems: shipment.lines.map((line) => ({
        orderItemId: line.lineId,
        quantity: Number.parseInt(line.quantity, 10),
      })),
    },
  };
}

/** The partner's one marketplace, else the order's own, read with `getOrder`. */
async function marketplaceOf(context: ShipmentContext, orderId: string): Promise<string> {
  const [only, ...others] = context.marketplaceIds;
  if (only !== undefined && others.length === 0) return only;
  const { data } = await context.call<{ payload?: { MarketplaceId?: unknown } }>({
    operation: 'getOrder',
    method: 'GET',
    path: `/orders/v0/orders/${encodeURIComponent(orderId)}`,
    subject: orderId,
  });
  const marketplaceId = data?.payload?.MarketplaceId;
  if (typeof marketplaceId !== 'string' || marketplaceId === '')
    throw MarketplaceError.unavailable(
      `${context.label}: getOrder of ${orderId} answered without a MarketplaceId; will retry later`,
    );
  return marketplaceId;
}

/** A positive number (as Amazon asks) that is the same for the same tracking number. */
function packageReferenceId(trackingNumber: string): string {
  const digest = createHash('sha256').update(trackingNumber.trim()).digest();
  return String((digest.readUInt32BE(0) % 999_999_999) + 1);
}
