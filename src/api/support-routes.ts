import { Type } from '@sinclair/typebox';
import {
  bulkReprocess,
  bulkResend,
  orderTimeline,
  parseListFilter,
  recheckHeldOrder,
  recheckHeldOrders,
  type WorkerDeps,
} from '../pipeline/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody } from './routing/common-schemas.js';
import { badRequest } from './request-validation.js';
import { StringEnumOf } from './schemas/fields.js';
import { OptionalText, TransmissionFilterFields } from './schemas/transmission-filter.js';

/** What a bulk operation selects: the list's filters, at least one of them. */
const BulkBody = Type.Object(
  {
    ...TransmissionFilterFields,
    dryRun: Type.Optional(Type.Boolean({ description: 'list what would be done; change nothing' })),
  },
  { additionalProperties: false },
);

const OrderParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
const HEALTH_WINDOW_MS = 24 * 3_600_000;

/**
 * Support work beyond one transmission:
 * - `POST /api/transmissions/bulk/resend` and `/bulk/reprocess` (operator) by filter, with
 *   `dryRun`; at most 1,000 at a time.
 * - `GET /api/orders/:id/timeline` (viewer): received, acknowledged, shipped, invoiced, paid, and
 *   "not delivered" where a document of the order did not get through.
 * - `POST /api/orders/:id/recheck` and `POST /api/orders/recheck?partner=` (operator): re-run the
 *   checks of held orders after a master-data load.
 * - `GET /api/partners/health` (viewer): last file in and out, overdue acknowledgements, and the
 *   error rate of the last 24 hours, per partner.
 *
 * @example
 * app.use('/api', supportRoutes(catalog, services).express);
 */
export function supportRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api');

  for (const operation of ['resend', 'reprocess'] as const) {
    routes.define(
      {
        method: 'post',
        path: `/transmissions/bulk/${operation}`,
        summary: `${operation === 'resend' ? 'Resend outbound' : 'Reprocess inbound'} transmissions chosen by filter`,
        tags: ['transmissions'],
        role: 'operator',
        body: BulkBody,
        responses: {
          200: {
            description: 'what was (or, with dryRun, would be) done, per transmission',
            schema: AnyObject,
          },
          400: { description: 'no filter, or a bad one, or more than 1,000 match', schema: ErrorBody },
        },
      },
      async ({ res, body, actor }) => {
        const { dryRun, ...text } = body;
        if (Object.keys(text).length === 0) {
          throw badRequest('body: give at least one filter (status, partner, type, from, to, or a number)');
        }
        const filter = parseListFilter(text);
        const run = operation === 'resend' ? bulkResend : bulkReprocess;
        res.json(await run(filter, { dryRun: dryRun === true }, actor, services));
      },
    );
  }

  routes.define(
    {
      method: 'get',
      path: '/orders/:id/timeline',
      summary: "An order's timeline: received, acknowledged, shipped, invoiced, paid, not delivered",
      tags: ['orders'],
      role: 'viewer',
      params: OrderParams,
      responses: {
        200: { description: '`{ events }`, oldest first', schema: AnyObject },
        404: { description: 'no such order', schema: ErrorBody },
      },
    },
    async ({ res, params, actor }) => {
      res.json({ events: await orderTimeline(params.id, actor, services) });
    },
  );

  routes.define(
    {
      method: 'post',
      path: '/orders/recheck',
      summary: 'Re-run the checks of every held order (of a partner) after a master-data load',
      tags: ['orders'],
      role: 'operator',
      query: Type.Object({ partner: OptionalText('only this partner') }, { additionalProperties: false }),
      body: Type.Object({}, { additionalProperties: false }),
      responses: { 200: { description: 'how many were checked and released', schema: AnyObject } },
    },
    async ({ res, query, actor }) => {
      res.json(
        await recheckHeldOrders(
          query.partner === undefined ? {} : { partnerId: query.partner },
          actor,
          services,
        ),
      );
    },
  );

  routes.define(
    {
      method: 'post',
      path: '/orders/:id/recheck',
      summary: 'Re-run the checks of a held order after a master-data load',
      tags: ['orders'],
      role: 'operator',
      params: OrderParams,
      body: Type.Object({}, { additionalProperties: false }),
      responses: {
        200: { description: 'what the checks found and where the order went', schema: AnyObject },
        404: { description: 'no such order', schema: ErrorBody },
        409: { description: 'the order is not on hold', schema: ErrorBody },
      },
    },
    async ({ res, params, actor }) => {
      res.json(await recheckHeldOrder(params.id, actor, services));
    },
  );

  routes.define(
    {
      method: 'get',
      path: '/partners/health',
      summary: 'Per partner: last file in and out, overdue acknowledgements, error rate of the last 24 hours',
      tags: ['partners'],
      role: 'viewer',
      query: Type.Object(
        {
          enabled: Type.Optional(
            StringEnumOf(['true', 'false'] as const, 'only enabled (true) or disabled partners'),
          ),
        },
        { additionalProperties: false },
      ),
      responses: { 200: { description: '`{ partners }`', schema: AnyObject } },
    },
    async ({ res, query }) => {
      const now = services.now?.() ?? new Date();
      const { stats } = services.repositories;
      const shown = services.partners
        .all()
        .filter(
          (partner) => query.enabled === undefined || String(partner.enabled !== false) === query.enabled,
        );
      const [activity, overdue] = await Promise.all([
        stats.partnerActivity(
          shown.map((partner) => partner.id),
          new Date(now.getTime() - HEALTH_WINDOW_MS),
        ),
        stats.countOverdueAcknowledgements(now),
      ]);
      const partners = shown.map((partner) => {
        const seen = activity.find((a) => a.partnerId === partner.id);
        const total = seen?.recent ?? 0;
        const failed = seen?.recentFailed ?? 0;
        return {
          partnerId: partner.id,
          name: partner.name ?? partner.id,
          kind: partner.kind,
          enabled: partner.enabled !== false,
          lastInboundAt: seen?.lastInboundAt ?? null,
          lastOutboundAt: seen?.lastOutboundAt ?? null,
          overdueAcknowledgements: overdue.find((o) => o.partnerId === partner.id)?.count ?? 0,
          total24h: total,
          failed24h: failed,
          errorRate24h: total === 0 ? null : Number((failed / total).toFixed(4)),
        };
      });
      res.json({ partners, window: { from: new Date(now.getTime() - HEALTH_WINDOW_MS), to: now } });
    },
  );
  return routes;
}
