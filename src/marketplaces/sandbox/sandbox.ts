import type { MarketplacePlatform } from '../connector.js';

/** A call a sandbox received that changes an order: what the gateway told the marketplace. */
export interface SandboxCall {
  operation: 'acknowledgeOrder' | 'confirmShipment' | 'cancelLines';
  orderId: string;
  /** The request body as the API received it (parsed JSON). */
  body: unknown;
  at: Date;
}

/** How the next answers of an operation (or of every operation) go wrong. */
export interface SandboxFault {
  /** HTTP status to answer with: 429, 500, 503... */
  status: number;
  /** Sent as `Retry-After` (seconds) with the fault. */
  retryAfterSeconds?: number;
  /** Limits the fault to one operation (`getOrders`, `confirmShipment`...); every operation when unset. */
  operation?: string;
}

/**
 * A marketplace API on loopback that behaves as the marketplace documents it (pagination, rate
 * limits, token expiry, 5xx), for the integration tests and `npm run demo`. Orders are held in
 * memory in the marketplace's own JSON; what the gateway sends back is recorded in `received`.
 */
export interface MarketplaceSandbox {
  readonly platform: MarketplacePlatform;
  /** The API base URL to put in the partner file's `apiUrl`. */
  readonly url: string;
  /** The token endpoint for `authUrl`, where the marketplace has its own (Amazon LWA). */
  readonly authUrl?: string;
  /** The account the sandbox serves (seller id, shop domain, partner id). */
  readonly account: string;
  /** The credentials it accepts, by the partner file's credential names. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Amazon only: the marketplace ids to ask for. */
  readonly marketplaceIds?: readonly string[];
  /**
   * Adds an order in the marketplace's JSON (with its items apart where the marketplace serves
   * them apart), stamped as created and updated now unless it says otherwise; returns its id.
   */
  addOrder(order: unknown, items?: unknown[]): string;
  /** Changes a stored order (cancels it, edits a line) and stamps it as updated now. */
  updateOrder(orderId: string, change: (order: Record<string, unknown>) => void): void;
  /** The next `count` matching requests answer with the fault instead. */
  failNext(count: number, fault: SandboxFault): void;
  /**
   * Every access token issued so far stops working: the next call is answered as the marketplace
   * answers an expired token (401; SP-API: 403 `Unauthorized`) until the client fetches a new one.
   */
  expireTokens(): void;
  /** Calls that changed an order, in the order received. */
  readonly received: readonly SandboxCall[];
  /** Count of requests by operation name, faults included. */
  readonly requests: Readonly<Record<string, number>>;
  close(): Promise<void>;
}
