import {
  kpiResponseFormat,
  KpiQuerySchema,
  KpiReportSchema,
  kpisToCsv,
  parseKpiQuery,
  type KpiQuery,
  type KpiReport,
} from '../kpis/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { ErrorBody } from './routing/common-schemas.js';

/** Computes a KPI report from the store: `(query) => computeKpis(query, { orm })`. */
export type KpiSource = (query: KpiQuery) => Promise<KpiReport>;

/**
 * `GET /api/kpis?from=2026-01-01&to=2026-02-01&period=week&partner=&format=json|csv` (viewer):
 * KPIs per partner and period, from stored facts. `format=csv` (or `Accept: text/csv`) answers
 * RFC 4180 CSV for BI tools, as an attachment.
 *
 * @example
 * app.use('/api', kpiRoutes(catalog, (q) => computeKpis(q, { orm })).express);
 */
export function kpiRoutes(catalog: ApiCatalog, source: KpiSource) {
  const routes = catalog.router('/api');
  routes.define(
    {
      method: 'get',
      path: '/kpis',
      summary:
        'KPIs per partner and period: cycle times, fill rate, OTIF, exceptions, acceptance, 997 timeliness',
      tags: ['kpis'],
      role: 'viewer',
      query: KpiQuerySchema,
      responses: {
        200: { description: 'the report (or CSV with format=csv)', schema: KpiReportSchema },
        400: { description: 'a bad date, range or period', schema: ErrorBody },
      },
    },
    async ({ req, res, query }) => {
      const text = query as Record<string, string | undefined>;
      const report = await source(parseKpiQuery(text));
      const csv =
        kpiResponseFormat(text) === 'csv' ||
        (text['format'] === undefined && req.accepts(['json', 'csv']) === 'csv');
      if (!csv) {
        res.json(report);
        return;
      }
      const name = `kpis-${report.period}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
      res.type('text/csv; charset=utf-8').attachment(name).send(kpisToCsv(report));
    },
  );
  return routes;
}
