import { orderVersionOf, verifyShopifyWebhook } from '../../marketplaces/index.js';
import { resolveSecret, type PartnerRegistry } from '../../partners/index.js';
import type { Logger } from '../../observability/index.js';
import { intakeMarketplaceOrder } from './intake-order.js';
import type { MarketplacePullDeps } from './pull-orders.js';

/** How a webhook was answered: Shopify retries anything but a 2xx, up to 8 times over 4 hours. */
export interface WebhookAnswer {
  status: number;
  message: string;
  transmissionId?: string;
  /** True when this delivery (a retry of the same event) was stored before. */
  duplicate?: boolean;
}

export interface WebhookDeps extends MarketplacePullDeps {
  partners: PartnerRegistry;
  env?: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
}

/**
 * Takes a Shopify order webhook for a partner: the HMAC-SHA256 of the raw body is checked under
 * the partner's `webhookSecret` before anything is read, the shop must be the partner's account,
 * and then the body is stored as it came, keyed by the event (or webhook) id, so Shopify's
 * retries of one delivery are one transmission. Answered 200 once stored; a store failure is
 * answered 503 so that Shopify delivers it again.
 *
 * @example
 * const answer = await receiveShopifyWebhook('acme-shop', rawBody, req.headers, deps);
 * res.status(answer.status).json({ message: answer.message });
 */
export async function receiveShopifyWebhook(
  partnerId: string,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  deps: WebhookDeps,
): Promise<WebhookAnswer> {
  const partner = deps.partners.byId(partnerId);
  if (partner === undefined || partner.kind !== 'marketplace' || partner.transport.platform !== 'shopify') {
    return { status: 404, message: `no Shopify account ${partnerId} takes webhooks here` };
  }
  if (!partner.enabled) return { status: 404, message: `partner ${partnerId} is disabled` };
  const reference = partner.transport.credentials['webhookSecret'];
  if (reference === undefined) {
    deps.logger?.error(
      { partnerId },
      `Shopify webhook for ${partnerId} refused: its partner file names no webhookSecret`,
    );
    return {
      status: 401,
      message: 'this account verifies no webhooks (no webhookSecret in its partner file)',
    };
  }
  let secret: string;
  try {
    secret = resolveSecret(reference, deps.env ?? process.env);
  } catch (error) {
    deps.logger?.error(
      { partnerId, err: error },
      `Shopify webhook for ${partnerId}: ${(error as Error).message}`,
    );
    return { status: 503, message: 'the webhook secret cannot be read now; deliver it again later' };
  }
  const check = verifyShopifyWebhook(rawBody, headers, secret);
  if (!check.ok) return { status: check.status, message: check.reason };
  if (check.webhook.shopDomain.toLowerCase() !== partner.transport.account.toLowerCase()) {
    return {
      status: 401,
      message: `X-Shopify-Shop-Domain ${check.webhook.shopDomain} is not the shop of partner ${partnerId}`,
    };
  }
  let orderId: string | undefined;
  try {
    orderId = orderVersionOf('shopify', JSON.parse(rawBody.toString('utf8')))?.orderId;
  } catch {
    // Stored all the same: the worker rejects it with the reason, and support finds it.
  }
  const outcome = await intakeMarketplaceOrder(
    partner,
    { bytes: rawBody, via: 'webhook', orderId, key: check.idempotencyKey },
    deps,
  );
  return {
    status: 200,
    message: outcome.duplicate ? 'received before' : 'received',
    transmissionId: outcome.transmissionId,
    duplicate: outcome.duplicate,
  };
}
