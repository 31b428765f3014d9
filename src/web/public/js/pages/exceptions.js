import { api, query } from '../api.js';
import { h, replace, table, text, time } from '../dom.js';
import { filterForm, pick } from '../filters.js';
import { statusBadge } from '../status.js';

/** The exception queue: open ones by default, newest first. */
export async function exceptionsPage(ctx) {
  const form = filterForm(ctx, '/exceptions', [
    { name: 'status', label: 'Status', type: 'select', options: ['open', 'resolved'], any: 'Open (default)' },
    { name: 'partner', label: 'Partner id' },
    { name: 'kind', label: 'Kind' },
  ]);
  const results = h('section', { 'aria-labelledby': 'exceptions-title' });
  replace(ctx.main, h('h1', { text: 'Exceptions' }), form, results);
  const filter = pick(ctx.params, ['status', 'partner', 'kind']);
  if (filter.status === '') filter.status = 'open';
  ctx.announce('Loading exceptions…');
  const { exceptions = [] } = await api('GET', `/api/exceptions${query({ ...filter, limit: 50 })}`);
  if (!ctx.isCurrent()) return;
  replace(
    results,
    h('h2', { id: 'exceptions-title', text: `${filter.status === 'open' ? 'Open' : 'Resolved'} exceptions` }),
    exceptions.length === 0
      ? h('p', { class: 'empty', text: 'No exception matches these filters.' })
      : table(
          `${exceptions.length} exception${exceptions.length === 1 ? '' : 's'} (up to 50)`,
          ['Exception', 'Raised', 'Kind', 'Partner', 'Subject', 'Status', 'Message'],
          exceptions.map((e) => [
            h('a', { href: `#/exceptions/${encodeURIComponent(e.id)}`, text: `#${e.id}` }),
            time(e.createdAt),
            text(e.kind),
            text(e.partnerId),
            subjectLink(e),
            statusBadge(e.status),
            text(e.message),
          ]),
          { class: 'list', id: 'exception-table' },
        ),
  );
  ctx.announce(`${exceptions.length} exception${exceptions.length === 1 ? '' : 's'} shown.`);
}

/** A link to what the exception is about, where the console has a page for it. */
export function subjectLink(exception) {
  const id = encodeURIComponent(exception.subjectId ?? '');
  if (exception.subjectType === 'order')
    return h('a', { href: `#/orders/${id}`, text: `order ${exception.subjectId}` });
  if (exception.subjectType === 'transmission')
    return h('a', { href: `#/transmissions/${id}`, text: `transmission ${exception.subjectId}` });
  return `${text(exception.subjectType)} ${text(exception.subjectId)}`;
}
