import type { ApiAnswer, ApiRequest } from '../api-client.js';
import { MarketplaceError } from '../marketplace-error.js';

/** The REST Admin API version the connector and the sandbox speak. */
export const SHOPIFY_API_VERSION = '2024-10';

/**
 * One shop's REST Admin API as the connector's actions use it: every call goes through the
 * shared `MarketplaceApi` after the shop's call bucket has room. `label` names the partner in
 * messages.
 */
export interface ShopifyRest {
  readonly label: string;
  call<T>(request: ApiRequest): Promise<ApiAnswer<T>>;
}

/** What the actions are told besides the API: whether Shopify emails the buyer. */
export interface ShopifyActionSettings {
  notifyCustomer: boolean;
}

/**
 * A field of an answer that must hold a list (`orders`, `fulfillment_orders`...); an answer
 * without it (an HTML error page a proxy sent with 200) is one the API cannot give now.
 */
export function listIn<T>(data: unknown, field: string, doing: string): T[] {
  const list =
    data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  if (!Array.isArray(list))
    throw MarketplaceError.unavailable(`${doing}: the answer has no "${field}" list; will retry later`);
  return list as T[];
}

/** A Shopify id (a positive integer in JSON) as the text the gateway keeps. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
}
