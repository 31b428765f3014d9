import { api } from '../api.js';
import { facts, h, replace, table, text, time } from '../dom.js';
import { jsonText, mayAct } from '../parts.js';
import { resolutionForm } from '../resolution-forms.js';
import { statusBadge } from '../status.js';
import { subjectLink } from './exceptions.js';

/** One exception, the order it holds up, its open holds and the form that resolves it. */
export async function exceptionPage(ctx) {
  const [id] = ctx.args;
  const {
    exception,
    order = null,
    openHolds = [],
  } = await api('GET', `/api/exceptions/${encodeURIComponent(id)}`);
  if (!ctx.isCurrent()) return;
  const content = [
    h(
      'p',
      { class: 'breadcrumb' },
      h('a', { href: '#/exceptions', text: 'Exceptions' }),
      ` › #${exception.id}`,
    ),
    h('h1', {}, `Exception #${exception.id} `, statusBadge(exception.status)),
    h('p', { class: 'exception-message', id: 'exception-message', text: exception.message }),
    facts([
      ['Kind', text(exception.kind)],
      ['Partner', text(exception.partnerId)],
      ['About', subjectLink(exception)],
      ['Raised', time(exception.createdAt)],
      [
        'Resolved',
        exception.resolvedAt ? [time(exception.resolvedAt), ` by ${text(exception.resolvedBy)}`] : '—',
      ],
      ['Resolution', exception.resolution ? jsonText(exception.resolution) : '—'],
      ['Details', jsonText(exception.details)],
    ]),
  ];
  if (openHolds.length > 0) {
    content.push(
      h(
        'section',
        { 'aria-labelledby': 'holds-title' },
        h('h2', { id: 'holds-title', text: 'Open holds' }),
        h(
          'ul',
          { class: 'holds', id: 'holds' },
          openHolds.map((f) =>
            h(
              'li',
              {},
              h('span', { 'aria-hidden': 'true', text: '⏸ ' }),
              h('strong', { text: `[${f.ruleId}] ` }),
              f.lineNumber ? `Line ${f.lineNumber}: ` : '',
              f.message ?? '',
            ),
          ),
        ),
      ),
    );
  }
  if (order !== null) {
    content.push(
      h(
        'section',
        { 'aria-labelledby': 'order-title' },
        h(
          'h2',
          { id: 'order-title' },
          'Order ',
          h('a', { href: `#/orders/${encodeURIComponent(order.id)}`, text: order.poNumber }),
          ' ',
          statusBadge(order.status),
        ),
        table(
          'Lines',
          ['Line', 'Item', 'Quantity', 'Unit', 'Unit price', 'Status'],
          (order.lines ?? []).map((l) => [
            text(l.lineNumber),
            text(l.itemId),
            text(l.quantity),
            text(l.uom),
            text(l.unitPrice),
            statusBadge(l.status),
          ]),
        ),
      ),
    );
  }
  if (exception.status === 'open' && exception.subjectType === 'order' && mayAct(ctx.session)) {
    content.push(
      resolutionForm(order, openHolds, (resolution, form) => resolve(ctx, exception, resolution, form)),
    );
  }
  replace(ctx.main, ...content);
}

async function resolve(ctx, exception, resolution, form) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  ctx.announce('Resolving…');
  try {
    const result = await api('POST', `/api/exceptions/${encodeURIComponent(exception.id)}/resolve`, {
      resolution,
    });
    const status = result?.order?.status ?? result?.status;
    await ctx.rerender();
    ctx.announce(
      `Exception #${exception.id} resolved${status ? `: the order is now ${String(status).replace(/_/g, ' ')}` : ''}.`,
    );
  } catch (error) {
    button.disabled = false;
    ctx.announce('');
    ctx.showError(error);
  }
}
