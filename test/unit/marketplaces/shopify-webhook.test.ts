import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyShopifyWebhook } from '../../../src/marketplaces/index.js';

const SECRET = 'hush-its-a-secret';
const body = readFileSync(
  new URL('../../../fixtures/marketplace/shopify/shopify-api-ruby__order.json', import.meta.url),
);

function signed(raw: Uint8Array, secret = SECRET): string {
  return createHmac('sha256', secret).update(raw).digest('base64');
}

function headers(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    'x-shopify-hmac-sha256': signed(body),
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'example.myshopify.com',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-triggered-at': '2026-12-05T10:00:00.000Z',
    ...overrides,
  };
}

describe('Shopify order webhooks', () => {
  it('takes a delivery signed with the shop secret, keyed by its webhook id', () => {
    const check = verifyShopifyWebhook(body, headers(), SECRET);
    expect(check).toEqual({
      ok: true,
      webhook: {
        topic: 'orders/create',
        shopDomain: 'example.myshopify.com',
        webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        triggeredAt: '2026-12-05T10:00:00.000Z',
      },
      idempotencyKey: 'shopify:example.myshopify.com:webhook-b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    });
  });

  it('keys a delivery by its event id where Shopify sends one, so a redelivery is the same transmission', () => {
    const first = verifyShopifyWebhook(body, headers({ 'x-shopify-event-id': 'ev-1' }), SECRET);
    const retry = verifyShopifyWebhook(
      body,
      headers({ 'x-shopify-event-id': 'ev-1', 'x-shopify-webhook-id': 'another-delivery' }),
      SECRET,
    );
    expect(first.ok && retry.ok && first.idempotencyKey === retry.idempotencyKey).toBe(true);
  });

  it('refuses a bad signature: another secret, a changed body, a truncated or missing header', () => {
    const changed = Buffer.from(body.toString('utf8').replace('"199.00"', '"1.00"'));
    const reasons = [
      verifyShopifyWebhook(body, headers({ 'x-shopify-hmac-sha256': signed(body, 'other') }), SECRET),
      verifyShopifyWebhook(changed, headers(), SECRET),
      verifyShopifyWebhook(body, headers({ 'x-shopify-hmac-sha256': signed(body).slice(0, 20) }), SECRET),
      verifyShopifyWebhook(body, headers({ 'x-shopify-hmac-sha256': undefined }), SECRET),
    ].map((check) => (check.ok ? 'taken' : `${check.status} ${check.reason}`));
    expect(reasons).toEqual([
      "401 X-Shopify-Hmac-Sha256 does not match the body under the shop's secret",
      "401 X-Shopify-Hmac-Sha256 does not match the body under the shop's secret",
      "401 X-Shopify-Hmac-Sha256 does not match the body under the shop's secret",
      '401 X-Shopify-Hmac-Sha256 is missing',
    ]);
  });

  it('refuses a signed delivery of another topic, or without its shop or webhook id', () => {
    const reasons = [
      verifyShopifyWebhook(body, headers({ 'x-shopify-topic': 'products/create' }), SECRET),
      verifyShopifyWebhook(body, headers({ 'x-shopify-shop-domain': undefined }), SECRET),
      verifyShopifyWebhook(body, headers({ 'x-shopify-webhook-id': '' }), SECRET),
    ].map((check) => (check.ok ? 'taken' : `${check.status} ${check.reason}`));
    expect(reasons).toEqual([
      '400 X-Shopify-Topic "products/create" is not an order topic (orders/create, orders/updated, orders/edited, orders/cancelled)',
      '400 X-Shopify-Shop-Domain is missing',
      '400 X-Shopify-Webhook-Id is missing',
    ]);
  });
});
