import { api, ApiError } from '../api.js';
import { facts, h, replace, table, text, time } from '../dom.js';
import { auditTable } from '../parts.js';
import { statusBadge } from '../status.js';

const EVENT_ICON = {
  received: '↓',
  acknowledged: '✓',
  shipped: '➜',
  invoiced: '€',
  paid: '$',
  'not-delivered': '✕',
  delivered: '✔',
};

/** One order: its lines, findings, stock held, exceptions, the timeline of its documents and audit. */
export async function orderPage(ctx) {
  const [id] = ctx.args;
  const path = `/api/orders/${encodeURIComponent(id)}`;
  const [detail, timeline] = await Promise.all([
    api('GET', path),
    api('GET', `${path}/timeline`).catch((error) => error),
  ]);
  if (!ctx.isCurrent()) return;
  const { order, reservations = [], exceptions = [], audit = [] } = detail;
  replace(
    ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/orders', text: 'Orders' }), ` › ${order.poNumber}`),
    h('h1', {}, `Order ${order.poNumber} `, statusBadge(order.status)),
    facts([
      ['Partner', text(order.partnerId)],
      ['Kind', text(order.kind)],
      ['Decision', text(order.decision)],
      ['Received', time(order.createdAt)],
      ['Updated', time(order.updatedAt)],
      ['855', order.ackDocumentId ? h('code', { text: order.ackDocumentId }) : '—'],
    ]),
    h(
      'section',
      { 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title', text: 'Timeline' }),
      timelineView(timeline),
    ),
    h(
      'section',
      { 'aria-labelledby': 'lines-title' },
      h('h2', { id: 'lines-title', text: 'Lines' }),
      table(
        'Lines as ordered and allocated',
        ['Line', 'Item', 'Quantity', 'Unit', 'Unit price', 'Allocated', 'Backordered', 'Status'],
        (order.lines ?? []).map((l) => [
          text(l.lineNumber),
          text(l.itemId),
          text(l.quantity),
          text(l.uom),
          text(l.unitPrice),
          text(l.allocated),
          text(l.backordered),
          statusBadge(l.status),
        ]),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'findings-title' },
      h('h2', { id: 'findings-title', text: 'Findings' }),
      (order.findings ?? []).length === 0
        ? h('p', { class: 'empty', text: 'None.' })
        : h(
            'ul',
            {},
            order.findings.map((f) =>
              h('li', {}, h('strong', { text: `${f.severity ?? ''} [${f.ruleId}] ` }), f.message ?? ''),
            ),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'reservations-title' },
      h('h2', { id: 'reservations-title', text: 'Stock held' }),
      reservations.length === 0
        ? h('p', { class: 'empty', text: 'None.' })
        : table(
            'Reservations',
            ['Line', 'Item', 'Location', 'Quantity'],
            reservations.map((r) => [
              text(r.lineNumber),
              text(r.itemId),
              text(r.locationId),
              text(r.quantity),
            ]),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'order-exceptions-title' },
      h('h2', { id: 'order-exceptions-title', text: 'Exceptions' }),
      exceptions.length === 0
        ? h('p', { class: 'empty', text: 'None.' })
        : table(
            'Exceptions of this order',
            ['Exception', 'Status', 'Message'],
            exceptions.map((e) => [
              h('a', { href: `#/exceptions/${encodeURIComponent(e.id)}`, text: `#${e.id}` }),
              statusBadge(e.status),
              text(e.message),
            ]),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'order-audit-title' },
      h('h2', { id: 'order-audit-title', text: 'Audit trail' }),
      auditTable(audit),
    ),
  );
}

function timelineView(timeline) {
  if (timeline instanceof ApiError) {
    return h('p', { class: 'empty', text: `The timeline is not available (${timeline.message}).` });
  }
  if (timeline instanceof Error) throw timeline;
  const events = timeline?.events ?? [];
  if (events.length === 0) return h('p', { class: 'empty', text: 'No document yet.' });
  return h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    events.map((e) =>
      h(
        'li',
        { class: `timeline-event timeline-${e.kind}` },
        h('span', { class: 'timeline-icon', 'aria-hidden': 'true', text: EVENT_ICON[e.kind] ?? '•' }),
        h('strong', { text: String(e.kind).replace(/-/g, ' ') }),
        ' ',
        time(e.at),
        e.documentType ? ` — ${e.documentType}` : '',
        e.transmissionId
          ? [' ', h('a', { href: `#/transmissions/${encodeURIComponent(e.transmissionId)}`, text: 'file' })]
          : '',
        e.detail
          ? h('span', {
              class: 'timeline-detail',
              text: ` ${typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail)}`,
            })
          : '',
      ),
    ),
  );
}
