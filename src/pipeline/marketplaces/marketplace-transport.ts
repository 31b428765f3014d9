import { GatewayError } from '../../errors/index.js';
import type { MarketplaceConnector } from '../../marketplaces/index.js';
import type { DeliveryReceipt, InboundFile, Transport } from '../../transports/index.js';
import { requestOrderId, type MarketplaceRequest } from './requests.js';

/**
 * A marketplace account as a transport, so that its API calls go through the outbound queue like
 * any file: stored first, retried with backoff, `failed` and resendable when retries are spent.
 * Delivering a stored request makes the call it describes. Orders come in by pulls and webhooks,
 * so there is nothing to poll.
 *
 * @example
 * await createMarketplaceTransport(connector, 'partner acme-walmart').deliver('walmart-acknowledgeOrder-1796277083022.json', bytes);
 */
export function createMarketplaceTransport(connector: MarketplaceConnector, label: string): Transport {
  const notPolled = () =>
    Promise.reject(
      new GatewayError(
        'transport-refused',
        `${label}: marketplace orders come by pull or webhook, not from an inbox`,
        {
          permanent: true,
          status: 502,
        },
      ),
    );
  return {
    poll: () => Promise.resolve<InboundFile[]>([]),
    take: notPolled,
    acknowledgeTaken: notPolled,
    async deliver(name: string, bytes: Uint8Array): Promise<DeliveryReceipt> {
      const request = readRequest(bytes, `${label}: ${name}`);
      switch (request.operation) {
        case 'acknowledgeOrder':
          await connector.acknowledgeOrder(request.orderId);
          break;
        case 'confirmShipment':
          await connector.confirmShipment(request.shipment);
          break;
        case 'cancelLines':
          await connector.cancelLines(request.cancellation);
          break;
      }
      return {
        name,
        size: bytes.byteLength,
        deliveredAt: new Date(),
        location: `${connector.platform} ${request.operation} ${requestOrderId(request)}`,
      };
    },
    close: () => Promise.resolve(),
  };
}

const OPERATIONS: ReadonlySet<string> = new Set(['acknowledgeOrder', 'confirmShipment', 'cancelLines']);

function readRequest(bytes: Uint8Array, what: string): MarketplaceRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new GatewayError(
      'transport-refused',
      `${what} is not a stored marketplace request: ${(error as Error).message}`,
      {
        permanent: true,
        status: 502,
      },
    );
  }
  const operation = (parsed as { operation?: unknown } | null)?.operation;
  if (typeof operation !== 'string' || !OPERATIONS.has(operation)) {
    throw new GatewayError('transport-refused', `${what} names no marketplace operation this gateway makes`, {
      permanent: true,
      status: 502,
    });
  }
  return parsed as MarketplaceRequest;
}
