import type { PurchaseOrder } from '../canonical/index.js';

/** The marketplaces the gateway speaks to; the same names as the partner file's `platform`. */
export type MarketplacePlatform = 'amazon' | 'shopify' | 'walmart';

/**
 * One order as the marketplace sent it, kept whole: it is stored as the inbound transmission
 * before anything is read from it, exactly as an X12 file is.
 */
export interface MarketplaceOrderPayload {
  /** The marketplace's order id (Amazon `AmazonOrderId`, Shopify `id`, Walmart `purchaseOrderId`). */
  orderId: string;
  /** When the marketplace last changed the order: a later version of the same order is an update. */
  updatedAt?: string;
  /** The order's JSON, with its items where the marketplace serves them apart. */
  body: unknown;
}

/** One page of orders changed since a cursor, and the cursor to resume from. */
export interface OrderPage {
  orders: MarketplaceOrderPayload[];
  /** Stored once the page's orders are stored, so a restart resumes after them. */
  nextCursor: string;
  /** More pages wait now: pull again without waiting for the next poll. */
  more: boolean;
}

/** A shipment to tell the marketplace about: carrier, tracking and the lines it carries. */
export interface ShipmentConfirmation {
  orderId: string;
  /** The carrier as the marketplace names it (`UPS`, `FedEx`, `USPS`...). */
  carrier: string;
  trackingNumber: string;
  /** ISO 8601 date-time of the shipment. */
  shippedAt: string;
  /** The marketplace's own line ids (order item ids) and the quantity shipped of each. */
  lines: { lineId: string; quantity: string }[];
  /** Shipping method or service level, where the marketplace asks for one. */
  method?: string;
}

/** Lines the seller cannot fill, to cancel on the marketplace. */
export interface LineCancellation {
  orderId: string;
  lines: { lineId: string; quantity: string }[];
  /** The marketplace's cancellation reason code, or a word it understands. */
  reason: string;
}

/** What mapping a payload gives: the canonical order, or why it cannot be one. */
export type MappedOrder = { ok: true; order: PurchaseOrder } | { ok: false; problems: MarketplaceProblem[] };

/** One reason a payload is refused, naming the place in the JSON (`/line_items/0/quantity`). */
export interface MarketplaceProblem {
  path: string;
  message: string;
}

/** Who the mapped document belongs to and where its payload is stored. */
export interface MappingContext {
  partnerId: string;
  transmissionId?: string;
}

/**
 * The port every marketplace connector implements, and one contract suite checks: pull (or
 * receive) orders, map them into canonical purchase orders, and send back acknowledgements,
 * shipments and line cancellations. API errors come out as `GatewayError`s, retryable or not.
 */
export interface MarketplaceConnector {
  readonly platform: MarketplacePlatform;
  /** Maps one stored payload; pure, so it runs in any worker with no credentials. */
  mapOrder(payload: MarketplaceOrderPayload, context: MappingContext): MappedOrder;
  /** Orders created or changed after `cursor` (the connector's own format; undefined at first). */
  pullOrders(cursor: string | undefined): Promise<OrderPage>;
  /** Tells the marketplace the seller took the order, where it asks for that. */
  acknowledgeOrder(orderId: string): Promise<void>;
  confirmShipment(shipment: ShipmentConfirmation): Promise<void>;
  cancelLines(cancellation: LineCancellation): Promise<void>;
}

/**
 * What a connector needs to reach one seller account, read from the partner file with its
 * credentials already resolved (from `{ env }` or `{ file }`).
 */
export interface ConnectorSettings {
  /** The partner id, for messages (`partner acme-shop`). */
  partnerId: string;
  platform: MarketplacePlatform;
  /** The seller id (Amazon), shop domain (Shopify) or partner id (Walmart). */
  account: string;
  /** The API base URL; the marketplace's production URL when unset. */
  apiUrl?: string;
  /** The token endpoint where it is apart from the API (Amazon LWA); the production one when unset. */
  authUrl?: string;
  /** Amazon: the marketplaces whose orders are pulled (`ATVPDKIKX0DER`...). */
  marketplaceIds?: readonly string[];
  /** Credentials by the partner file's names (`clientId`, `clientSecret`, `refreshToken`, `accessToken`...). */
  credentials: Readonly<Record<string, string>>;
  /** The first pull, with no stored cursor, asks for orders changed in this many hours before now. */
  firstPullHours: number;
}
