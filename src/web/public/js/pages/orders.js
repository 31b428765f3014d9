import { api, query } from '../api.js';
import { h, replace, table, text, time } from '../dom.js';
import { filterForm, pick } from '../filters.js';
import { statusBadge } from '../status.js';

const STATUSES = [
  'open',
  'on_hold',
  'acknowledged',
  'rejected',
  'cancelled',
  'partially_shipped',
  'shipped',
  'invoiced',
];

/** Orders newest first, by PO number, partner and status. */
export async function ordersPage(ctx) {
  const form = filterForm(ctx, '/orders', [
    { name: 'poNumber', label: 'PO number' },
    { name: 'partner', label: 'Partner id' },
    {
      name: 'status',
      label: 'Status',
      type: 'select',
      options: STATUSES.map((s) => [s, s.replace(/_/g, ' ')]),
    },
  ]);
  const results = h('section', { 'aria-labelledby': 'orders-title' });
  replace(ctx.main, h('h1', { text: 'Orders' }), form, results);
  ctx.announce('Loading orders…');
  const { orders = [] } = await api(
    'GET',
    `/api/orders${query({ ...pick(ctx.params, ['poNumber', 'partner', 'status']), limit: 50 })}`,
  );
  if (!ctx.isCurrent()) return;
  replace(
    results,
    h('h2', { id: 'orders-title', text: 'Results' }),
    orders.length === 0
      ? h('p', { class: 'empty', text: 'No order matches these filters.' })
      : table(
          `${orders.length} order${orders.length === 1 ? '' : 's'} (up to 50)`,
          ['PO number', 'Partner', 'Kind', 'Status', 'Lines', 'Received', 'Updated'],
          orders.map((o) => [
            h('a', { href: `#/orders/${encodeURIComponent(o.id)}`, text: o.poNumber }),
            text(o.partnerId),
            text(o.kind),
            statusBadge(o.status),
            text((o.lines ?? []).length),
            time(o.createdAt),
            time(o.updatedAt),
          ]),
          { class: 'list', id: 'order-table' },
        ),
  );
  ctx.announce(`${orders.length} order${orders.length === 1 ? '' : 's'} shown.`);
}
