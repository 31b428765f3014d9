import { createHmac, timingSafeEqual } from 'node:crypto';

/** The order topics the gateway takes; any other topic is refused, not stored. */
export const SHOPIFY_ORDER_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/edited',
  'orders/cancelled',
] as const;
export type ShopifyOrderTopic = (typeof SHOPIFY_ORDER_TOPICS)[number];

/** What the headers of a verified webhook say about it. */
export interface ShopifyWebhook {
  topic: ShopifyOrderTopic;
  shopDomain: string;
  /** `X-Shopify-Webhook-Id`: the same on each of Shopify's retries of one delivery. */
  webhookId: string;
  /** `X-Shopify-Event-Id`: the same for every delivery of one event, where Shopify sends it. */
  eventId?: string;
  triggeredAt?: string;
}

export type WebhookCheck =
  | { ok: true; webhook: ShopifyWebhook; idempotencyKey: string }
  | { ok: false; status: 400 | 401; reason: string };

/**
 * Verifies an order webhook: `X-Shopify-Hmac-Sha256` must be the base64 HMAC-SHA256 of the raw
 * body under the shop's secret, compared in constant time, before anything of the body is read.
 * Shopify retries a delivery up to 8 times over 4 hours: the idempotency key (the event id where
 * sent, else the webhook id, under the shop) makes every retry the same stored transmission.
 * `headers` are lower-cased, as Node gives them.
 *
 * @example
 * const check = verifyShopifyWebhook(rawBody, req.headers, secret);
 * if (!check.ok) return res.status(check.status).send(check.reason);
 */
export function verifyShopifyWebhook(
  rawBody: Uint8Array,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): WebhookCheck {
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const signature = header('x-shopify-hmac-sha256');
  if (signature === undefined || signature === '')
    return { ok: false, status: 401, reason: 'X-Shopify-Hmac-Sha256 is missing' };
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  // timingSafeEqual needs equal lengths; a signature of another length is simply wrong.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      ok: false,
      status: 401,
      reason: "X-Shopify-Hmac-Sha256 does not match the body under the shop's secret",
    };
  const topic = header('x-shopify-topic');
  if (!SHOPIFY_ORDER_TOPICS.includes(topic as ShopifyOrderTopic))
    return {
      ok: false,
      status: 400,
      reason: `X-Shopify-Topic ${JSON.stringify(topic ?? '')} is not an order topic (${SHOPIFY_ORDER_TOPICS.join(', ')})`,
    };
  const shopDomain = header('x-shopify-shop-domain');
  const webhookId = header('x-shopify-webhook-id');
  if (shopDomain === undefined || shopDomain === '')
    return { ok: false, status: 400, reason: 'X-Shopify-Shop-Domain is missing' };
  if (webhookId === undefined || webhookId === '')
    return { ok: false, status: 400, reason: 'X-Shopify-Webhook-Id is missing' };
  const eventId = header('x-shopify-event-id');
  const triggeredAt = header('x-shopify-triggered-at');
  const webhook: ShopifyWebhook = {
    topic: topic as ShopifyOrderTopic,
    shopDomain,
    webhookId,
    ...(eventId ? { eventId } : {}),
    ...(triggeredAt ? { triggeredAt } : {}),
  };
  const idempotencyKey = `shopify:${shopDomain}:${eventId ? `event-${eventId}` : `webhook-${webhookId}`}`;
  return { ok: true, webhook, idempotencyKey };
}
