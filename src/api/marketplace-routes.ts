import express, { Router } from 'express';
import { createLogger } from '../observability/index.js';
import { receiveShopifyWebhook, type WorkerDeps } from '../pipeline/index.js';

/** Shopify order payloads run to a few hundred KB; this leaves room for very large orders. */
const WEBHOOK_MAX_BYTES = 5 * 1024 * 1024;

/**
 * `POST /webhooks/shopify/:partnerId`: Shopify's order webhooks (`orders/create`, `orders/updated`,
 * `orders/edited`, `orders/cancelled`) for a Shopify account. No API key: a webhook is
 * authenticated by the HMAC of its raw body under the account's `webhookSecret`, so the body is
 * read as bytes, never parsed first. Answered 200 once stored (Shopify waits 5 s at most), 401
 * for a bad signature, 503 when the store is down (Shopify delivers it again).
 *
 * @example
 * app.use('/webhooks', marketplaceRoutes(services));
 */
export function marketplaceRoutes(
  services: WorkerDeps,
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): Router {
  const router = Router();
  const log = services.logger ?? createLogger({ level: 'info' });
  const deps = {
    partners: services.partners,
    transmissions: services.repositories.transmissions,
    references: services.repositories.references,
    marketplaceCursors: services.repositories.marketplaceCursors,
    queues: services.queues,
    logger: log,
    ...(options.env === undefined ? {} : { env: options.env }),
  };
  router.post(
    '/shopify/:partnerId',
    express.raw({ type: () => true, limit: WEBHOOK_MAX_BYTES }),
    async (req, res) => {
      const partnerId = String(req.params['partnerId']);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        const answer = await receiveShopifyWebhook(partnerId, body, req.headers, deps);
        const fields = {
          partnerId,
          webhookId: req.get('x-shopify-webhook-id'),
          topic: req.get('x-shopify-topic'),
        };
        if (answer.status >= 400)
          log.warn({ ...fields, reason: answer.message }, `Shopify webhook refused: ${answer.message}`);
        else
          log.info({ ...fields, transmissionId: answer.transmissionId }, `Shopify webhook ${answer.message}`);
        res.status(answer.status).json({ message: answer.message, transmissionId: answer.transmissionId });
      } catch (error) {
        log.error({ partnerId, err: error }, 'Shopify webhook could not be stored');
        res.status(503).json({ message: 'the webhook could not be stored now; deliver it again' });
      }
    },
  );
  return router;
}
