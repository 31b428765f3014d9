/* global setTimeout */
import { api } from '../api.js';
import { confirmAction } from '../dialog.js';
import { facts, h, replace, table, text, time } from '../dom.js';
import { auditTable, jsonText, mayAct } from '../parts.js';
import { diagnosticList, segmentView } from '../segments.js';
import { statusBadge } from '../status.js';

/** Statuses after which nothing more happens by itself, per operation (a resend passes `processed`). */
const SETTLED = {
  resend: new Set(['failed', 'sent', 'acknowledged']),
  reprocess: new Set(['processed', 'rejected', 'failed']),
};

/** One transmission: its facts, last error, X12 by segment with diagnostics, actions and audit trail. */
export async function transmissionPage(ctx) {
  const [id] = ctx.args;
  const view = await api('GET', `/api/transmissions/${encodeURIComponent(id)}`);
  if (!ctx.isCurrent()) return;
  draw(ctx, view);
}

/** Values of one kind of reference (`po`, `document-type`...), for servers that list them only there. */
function referenced(view, kind) {
  return (view.references ?? []).filter((r) => r.kind === kind).map((r) => r.value);
}

function draw(ctx, view) {
  const poNumbers = view.poNumbers ?? referenced(view, 'po');
  const documentTypes = view.documentTypes ?? referenced(view, 'document-type');
  const operation = view.direction === 'outbound' ? 'resend' : 'reprocess';
  const label = operation === 'resend' ? 'Resend' : 'Reprocess';
  const actions = h('div', { class: 'actions' });
  if (mayAct(ctx.session)) {
    actions.append(
      h('button', {
        type: 'button',
        class: 'primary',
        id: `${operation}-button`,
        text: label,
        onClick: () => act(ctx, view, operation, label),
      }),
    );
  }
  actions.append(
    h('button', { type: 'button', id: 'refresh-button', text: 'Refresh', onClick: () => ctx.rerender() }),
  );
  actions.append(
    h('a', {
      class: 'button',
      href: `/api/transmissions/${encodeURIComponent(view.id)}/raw`,
      download: view.sourceRef ?? view.id,
      text: 'Download file',
    }),
  );

  const diagnostics = view.diagnostics ?? [];
  const segments = view.segments ?? [];
  const content = [
    h(
      'p',
      { class: 'breadcrumb' },
      h('a', { href: '#/transmissions', text: 'Transmissions' }),
      ' › ',
      view.sourceRef ?? view.id,
    ),
    h(
      'h1',
      {},
      `${view.direction === 'outbound' ? 'Outbound' : 'Inbound'} ${shownTypes(documentTypes)} `,
      statusBadge(view.status),
    ),
  ];
  if (view.lastError) {
    content.push(
      h(
        'div',
        { class: 'last-error', id: 'last-error' },
        h('span', { class: 'alert-icon', 'aria-hidden': 'true', text: '✕' }),
        h('strong', { text: view.direction === 'outbound' ? 'Delivery failed: ' : 'Last error: ' }),
        h('span', { text: view.lastError }),
      ),
    );
  }
  content.push(
    actions,
    facts([
      ['Id', h('code', { text: view.id })],
      ['Status', statusBadge(view.status)],
      ['Direction', text(view.direction)],
      ['Partner', text(view.partnerId)],
      ['Channel', text(view.channel)],
      ['File', text(view.sourceRef)],
      ['Received', time(view.receivedAt)],
      ['Size', `${text(view.size)} bytes`],
      ['Attempts', text(view.attempts)],
      [
        'PO numbers',
        poNumbers.length === 0
          ? '—'
          : poNumbers.map((po, i) => [
              i > 0 ? ', ' : '',
              h('a', { href: `#/orders?poNumber=${encodeURIComponent(po)}`, text: po }),
            ]),
      ],
      ['References', text((view.references ?? []).map((r) => `${r.kind} ${r.value}`))],
    ]),
  );
  if ((view.notes ?? []).length > 0) {
    content.push(
      h(
        'ul',
        { class: 'notes' },
        view.notes.map((note) => h('li', { text: note })),
      ),
    );
  }
  const segmentSection = h(
    'section',
    { 'aria-labelledby': 'segments-title' },
    h('h2', { id: 'segments-title', text: 'Segments' }),
  );
  if (segments.length > 0) {
    const { node, ensureShown } = segmentView(segments, diagnostics);
    if (diagnostics.length > 0) {
      content.push(
        h(
          'section',
          { 'aria-labelledby': 'diagnostics-title', class: 'diagnostics-section' },
          h('h2', { id: 'diagnostics-title', text: `Problems (${diagnostics.length})` }),
          diagnosticList(diagnostics, ensureShown, ctx.main),
        ),
      );
    }
    segmentSection.append(node);
    if (typeof view.segmentCount === 'number' && view.segmentCount > segments.length) {
      segmentSection.append(
        h('p', {
          class: 'notes',
          text: `The first ${segments.length} of ${view.segmentCount} segments are shown; download the file for the rest.`,
        }),
      );
    }
  } else {
    segmentSection.append(
      h('p', { class: 'empty', text: 'The gateway did not send the segments of this file.' }),
    );
  }
  content.push(
    segmentSection,
    h(
      'section',
      { 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title', text: 'History' }),
      table(
        'Statuses, oldest first',
        ['When', 'Status', 'Message'],
        (view.history ?? []).map((c) => [time(c.at), statusBadge(c.status), text(c.message)]),
        { id: 'history' },
      ),
    ),
    exceptionsSection(view.exceptions ?? []),
    documentsSection(view.documents ?? []),
    acknowledgementsSection(view.acknowledgements),
    h(
      'section',
      { 'aria-labelledby': 'audit-title' },
      h('h2', { id: 'audit-title', text: 'Audit trail' }),
      auditTable(view.audit ?? []),
    ),
  );
  replace(ctx.main, ...content);
}

function exceptionsSection(exceptions) {
  return h(
    'section',
    { 'aria-labelledby': 'exceptions-title' },
    h('h2', { id: 'exceptions-title', text: 'Exceptions' }),
    exceptions.length === 0
      ? h('p', { class: 'empty', text: 'None.' })
      : table(
          'Exceptions on this file',
          ['Exception', 'Kind', 'Status', 'Message'],
          exceptions.map((e) => [
            h('a', { href: `#/exceptions/${encodeURIComponent(e.id)}`, text: `#${e.id}` }),
            text(e.kind),
            statusBadge(e.status),
            text(e.message),
          ]),
        ),
  );
}

/** The canonical documents read from the file, each as the JSON the order core worked on. */
function documentsSection(documents) {
  if (documents.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title', text: 'Canonical documents' }),
    h(
      'ul',
      { class: 'documents' },
      documents.map((d) =>
        h(
          'li',
          {},
          h(
            'details',
            {},
            h('summary', { text: `${d.type} ${d.id}${d.stored ? '' : ' (not stored)'}` }),
            d.canonical === undefined ? null : h('pre', { text: JSON.stringify(d.canonical, null, 2) }),
          ),
        ),
      ),
    ),
  );
}

function acknowledgementsSection(acknowledgements) {
  if (acknowledgements === undefined || acknowledgements === null) return null;
  const list = Array.isArray(acknowledgements) ? acknowledgements : [acknowledgements];
  return h(
    'section',
    { 'aria-labelledby': 'acks-title' },
    h('h2', { id: 'acks-title', text: 'Acknowledgements' }),
    list.length === 0
      ? h('p', { class: 'empty', text: 'None.' })
      : h(
          'ul',
          {},
          list.map((a) =>
            h(
              'li',
              {},
              a.transmissionId
                ? [
                    h('a', {
                      href: `#/transmissions/${encodeURIComponent(a.transmissionId)}`,
                      text: a.fileName ?? a.transmissionId,
                    }),
                    ' ',
                    a.status ? statusBadge(a.status) : null,
                  ]
                : jsonText(a),
            ),
          ),
        ),
  );
}

async function act(ctx, view, operation, label) {
  const confirmed = await confirmAction({
    title: `${label} ${view.sourceRef ?? view.id}?`,
    message:
      operation === 'resend'
        ? `The file is delivered to ${view.partnerId ?? 'the partner'} again, under the same control numbers.`
        : 'The file is read again from its stored bytes, as if it had just arrived.',
    confirmLabel: label,
  });
  if (!confirmed) {
    ctx.announce(`${label} cancelled.`);
    return;
  }
  ctx.announce(`${label} requested…`);
  let result;
  try {
    result = await api('POST', `/api/transmissions/${encodeURIComponent(view.id)}/${operation}`, {});
  } catch (error) {
    ctx.showError(error);
    return;
  }
  const outcome = typeof result?.status === 'string' ? ` Status: ${result.status}.` : '';
  // The operation queues the work: follow the file for a few seconds until it settles.
  for (let attempt = 0; attempt < 20 && ctx.isCurrent(); attempt++) {
    const fresh = await api('GET', `/api/transmissions/${encodeURIComponent(view.id)}`);
    if (!ctx.isCurrent()) return;
    draw(ctx, fresh);
    const moved = (fresh.history ?? []).length > (view.history ?? []).length;
    if (moved && SETTLED[operation].has(fresh.status)) {
      ctx.announce(`${label} done: the file is now ${fresh.status}.`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  ctx.announce(`${label} accepted.${outcome} Refresh to follow it.`);
}

/** The X12 set ids of a file (`855`), without the canonical names beside them; `file` when unknown. */
function shownTypes(documentTypes) {
  const sets = documentTypes.filter((t) => /^[0-9A-Z]{3}$/.test(t));
  return (sets.length > 0 ? sets : documentTypes).join(', ') || 'file';
}
