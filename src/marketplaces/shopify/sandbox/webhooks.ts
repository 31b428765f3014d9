import { createHmac, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SHOPIFY_API_VERSION } from '../rest.js';

/** How one webhook is delivered: to whom, signed with what, retried how. */
export interface WebhookDelivery {
  targetUrl: string;
  topic: string;
  shopDomain: string;
  secret: string;
  /** The order's JSON: Shopify sends the order bare, not under `order`. */
  order: unknown;
  /** Signs with another secret, as a forged request would be. */
  badHmac: boolean;
  /** Extra deliveries of the same webhook (same webhook and event ids) after the first. */
  duplicates: number;
  /** Retries after a non-2xx answer or no answer (Shopify: 8, over 4 hours). */
  retries: number;
  retryDelayMs: number;
  /** How long an answer is waited for (Shopify: 5 s). */
  timeoutMs: number;
}

/**
 * Delivers an order webhook as Shopify does: `POST` of the raw order JSON with the topic, shop,
 * webhook id, event id, trigger time and API version headers, and `X-Shopify-Hmac-Sha256`, the
 * base64 HMAC-SHA256 of the exact body bytes under the app's secret. An answer other than 2xx
 * (or none in time) is retried with the same webhook id; then each duplicate is delivered the
 * same way. Returns every answer's status in order, 0 for no answer.
 */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<number[]> {
  const body = Buffer.from(JSON.stringify(delivery.order));
  const secret = delivery.badHmac ? `${delivery.secret}-forged` : delivery.secret;
  const headers = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': delivery.topic,
    'X-Shopify-Hmac-Sha256': createHmac('sha256', secret).update(body).digest('base64'),
    'X-Shopify-Shop-Domain': delivery.shopDomain,
    'X-Shopify-Webhook-Id': randomUUID(),
    'X-Shopify-Event-Id': randomUUID(),
    'X-Shopify-Triggered-At': new Date().toISOString(),
    'X-Shopify-API-Version': SHOPIFY_API_VERSION,
  };
  const statuses: number[] = [];
  for (let copy = 0; copy <= delivery.duplicates; copy += 1) {
    for (let attempt = 0; attempt <= delivery.retries; attempt += 1) {
      if (attempt > 0) await sleep(delivery.retryDelayMs);
      const status = await post(delivery.targetUrl, headers, body, delivery.timeoutMs);
      statuses.push(status);
      if (status >= 200 && status < 300) break;
    }
  }
  return statuses;
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
): Promise<number> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    // No answer in time, or none at all: Shopify counts it as a failed delivery.
    return 0;
  }
}
