import { api, query } from '../api.js';
import { h, replace, table } from '../dom.js';
import { filterForm } from '../filters.js';
import { lineChart } from '../charts.js';

/**
 * A KPI value as a number for drawing: ratios and rates come as decimal strings ("0.7500",
 * "666.67") so that nothing is rounded on the way; a chart only needs them approximately.
 */
const numeric = (v) => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return null;
};
const percent = (v) => {
  const n = numeric(v);
  return n === null ? '—' : `${(n * 100).toFixed(1)} %`;
};
const number = (v) => {
  const n = numeric(v);
  return n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(2);
};

/** The KPIs drawn, with how each reads. */
const KPIS = [
  { key: 'orders', label: 'Orders', format: number },
  { key: 'fillRate', label: 'Fill rate', format: percent },
  { key: 'otif', label: 'On time in full', format: percent },
  { key: 'acceptanceRate', label: 'Acceptance rate', format: percent },
  { key: 'exceptionsPer1000', label: 'Exceptions per 1,000 orders', format: number },
  { key: 'cycleHours855Median', label: 'Median hours from 850 to 855', format: number },
];

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** KPIs per partner and period over a date range: a chart per KPI, a table, and the CSV. */
export async function kpisPage(ctx) {
  const today = new Date();
  const filter = {
    from: ctx.params.get('from') ?? isoDay(new Date(today.getTime() - 30 * 86_400_000)),
    to: ctx.params.get('to') ?? isoDay(today),
    period: ctx.params.get('period') ?? 'week',
    partner: ctx.params.get('partner') ?? '',
  };
  const form = filterForm(
    ctx,
    '/kpis',
    [
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
      {
        name: 'period',
        label: 'Period',
        type: 'select',
        options: ['day', 'week', 'month'],
        any: 'Week (default)',
      },
      { name: 'partner', label: 'Partner id' },
    ],
    { submitLabel: 'Show KPIs' },
  );
  // The form shows the range actually used, defaults included.
  form.querySelector('#filter-from').value = filter.from;
  form.querySelector('#filter-to').value = filter.to;
  const results = h('section', { 'aria-labelledby': 'kpi-results-title', id: 'kpi-results' });
  const csv = h('a', {
    href: `/api/kpis${query({ ...filter, format: 'csv' })}`,
    download: `kpis-${filter.from}-${filter.to}.csv`,
    class: 'button',
    id: 'kpi-csv',
    text: 'Download CSV',
  });
  replace(ctx.main, h('h1', { text: 'KPIs' }), form, h('p', {}, csv), results);
  ctx.announce('Loading KPIs…');
  const body = await api('GET', `/api/kpis${query(filter)}`);
  if (!ctx.isCurrent()) return;
  const rows = body.rows ?? [];
  const buckets = [...new Set(rows.map((r) => String(r.periodStart).slice(0, 10)))].sort();
  const partners = [...new Set(rows.map((r) => r.partnerId ?? 'all'))].sort();
  const cell = (partner, bucket) =>
    rows.find((r) => (r.partnerId ?? 'all') === partner && String(r.periodStart).slice(0, 10) === bucket);
  replace(
    results,
    h('h2', {
      id: 'kpi-results-title',
      text: `${body.from ?? filter.from} to ${body.to ?? filter.to}, by ${body.period ?? filter.period}`,
    }),
    rows.length === 0
      ? h('p', { class: 'empty', text: 'No figures for this range.' })
      : [
          h(
            'div',
            { class: 'charts' },
            KPIS.map((kpi) =>
              lineChart({
                id: `chart-${kpi.key}`,
                title: kpi.label,
                buckets,
                series: partners.map((partner) => ({
                  name: partner,
                  values: buckets.map((b) => {
                    return numeric(cell(partner, b)?.[kpi.key]);
                  }),
                })),
                format: kpi.format,
              }),
            ),
          ),
          h(
            'details',
            { class: 'kpi-table' },
            h('summary', { text: 'The figures as a table' }),
            table(
              'KPIs per partner and period',
              ['Partner', 'Period starting', ...KPIS.map((k) => k.label)],
              rows.map((r) => [
                r.partnerId ?? 'all',
                String(r.periodStart).slice(0, 10),
                ...KPIS.map((k) => k.format(r[k.key])),
              ]),
              { id: 'kpi-table' },
            ),
          ),
        ],
  );
  ctx.announce(
    `KPIs for ${partners.length} partner${partners.length === 1 ? '' : 's'} over ${buckets.length} period${buckets.length === 1 ? '' : 's'}.`,
  );
}
