/* global URLSearchParams */
import { api, query } from '../api.js';
import { h, replace, table, text, time } from '../dom.js';
import { filterForm, pick } from '../filters.js';
import { statusBadge } from '../status.js';

const PAGE_SIZE = 50;
const STATUSES = ['received', 'processing', 'processed', 'rejected', 'failed', 'sent', 'acknowledged'];
const TYPES = ['850', '855', '856', '810', '820', '860', '997', '999', 'TA1'];
/** Where the search box looks: anywhere, or one reference only. */
const SEARCH_IN = [
  ['search', 'Anywhere'],
  ['po', 'PO number'],
  ['invoice', 'Invoice number'],
  ['shipment', 'Shipment id'],
  ['isa13', 'ISA13 (interchange control number)'],
  ['gs06', 'GS06 (group control number)'],
  ['st02', 'ST02 (transaction set control number)'],
];
const FILTERS = ['status', 'partner', 'direction', 'type', 'from', 'to'];

/** Transmissions newest first, 50 at a time, with filters and a search box. */
export async function transmissionsPage(ctx) {
  const { params } = ctx;
  const searchIn = SEARCH_IN.some(([name]) => name === params.get('in')) ? params.get('in') : 'search';
  const form = filterForm(
    ctx,
    '/transmissions',
    [
      {
        name: 'q',
        label: 'Search',
        type: 'search',
        hint: 'A PO, invoice or shipment number, a control number…',
      },
      { name: 'in', label: 'Search in', type: 'select', options: SEARCH_IN.slice(1), any: 'Anywhere' },
      { name: 'status', label: 'Status', type: 'select', options: STATUSES },
      { name: 'partner', label: 'Partner id' },
      { name: 'direction', label: 'Direction', type: 'select', options: ['inbound', 'outbound'] },
      { name: 'type', label: 'Document type', type: 'select', options: TYPES },
      { name: 'from', label: 'Received from', type: 'date' },
      { name: 'to', label: 'Received to', type: 'date' },
    ],
    { id: 'transmission-filters' },
  );
  const results = h('section', { 'aria-labelledby': 'results-title', id: 'transmission-results' });
  replace(ctx.main, h('h1', { text: 'Transmissions' }), form, results);

  const search = params.get('q') ?? '';
  const request = {
    ...pick(params, FILTERS),
    ...(search === '' ? {} : { [searchIn]: search }),
    limit: PAGE_SIZE,
    cursor: params.get('cursor') ?? '',
  };
  ctx.announce('Loading transmissions…');
  const body = await api('GET', `/api/transmissions${query(request)}`);
  if (!ctx.isCurrent()) return;
  // Servers before paging answered a bare array.
  const transmissions = Array.isArray(body) ? body : (body.transmissions ?? []);
  const next = Array.isArray(body) ? null : (body.next ?? null);
  const rows = transmissions.map((t) => [
    h('a', { href: `#/transmissions/${encodeURIComponent(t.id)}`, text: t.sourceRef ?? t.id }),
    time(t.receivedAt),
    text(t.direction),
    text(t.partnerId),
    text(t.documentTypes),
    text(t.poNumbers),
    statusBadge(t.status),
    text(t.attempts),
    t.lastError ? h('span', { class: 'error-text', title: t.lastError, text: shorten(t.lastError) }) : '—',
  ]);
  const paging = h('div', { class: 'paging' });
  if (params.has('cursor')) {
    const first = new URLSearchParams(params);
    first.delete('cursor');
    paging.append(h('a', { href: `#/transmissions?${first}`, class: 'button', text: 'First page' }));
  }
  if (next !== null) {
    const following = new URLSearchParams(params);
    following.set('cursor', next);
    paging.append(
      h('a', { href: `#/transmissions?${following}`, class: 'button', text: 'Next page', id: 'next-page' }),
    );
  }
  replace(
    results,
    h('h2', { id: 'results-title', text: 'Results' }),
    transmissions.length === 0
      ? h('p', { class: 'empty', text: 'No transmission matches these filters.' })
      : table(
          `${transmissions.length} transmission${transmissions.length === 1 ? '' : 's'}${next === null ? '' : ' (more on the next page)'}`,
          [
            'File',
            'Received',
            'Direction',
            'Partner',
            'Types',
            'PO numbers',
            'Status',
            'Attempts',
            'Last error',
          ],
          rows,
          { class: 'list', id: 'transmission-table' },
        ),
    paging,
  );
  ctx.announce(`${transmissions.length} transmission${transmissions.length === 1 ? '' : 's'} shown.`);
}

/** The start of a long error: the whole of it is on the transmission's page (and in the tooltip). */
function shorten(message) {
  return message.length <= 140 ? message : `${message.slice(0, 140)}…`;
}
