/* global CSS */
import { h } from './dom.js';

/** Segments shown at once; the rest come on demand, so that a huge file does not freeze the page. */
const SHOWN = 500;

const LEVEL_ICON = { error: '✕', warning: '⚠', info: 'ℹ' };

/** `error` or `warning`; servers that sent only `level` used it for the same thing. */
function severity(d) {
  return d.severity ?? (d.level === 'warning' ? 'warning' : 'error');
}

/**
 * The file position of the segment a diagnostic names: `filePosition` counts from the first
 * segment of the file like the segment rows do; `segmentPosition` counts from the set's ST.
 */
export function rowOf(d) {
  return d.filePosition ?? d.segmentPosition;
}

/** The element reference as X12 people say it: `BAK03`. */
function elementName(segmentId, position) {
  return `${segmentId}${String(position).padStart(2, '0')}`;
}

function diagnosticText(d) {
  const where = d.elementPosition ? ` ${elementName(d.segmentId ?? '', d.elementPosition)}` : '';
  const set = d.transactionSet ? ` in ${d.transactionSet.id} ${d.transactionSet.controlNumber}` : '';
  return `${severity(d).toUpperCase()}${where}${set} [${d.code ?? '?'}]: ${d.message ?? ''}`;
}

function segmentRow(segment, diagnostics) {
  const flaggedElements = new Set(
    diagnostics.map((d) => d.elementPosition).filter((p) => p !== undefined && p !== null),
  );
  const elements = (segment.elements ?? []).map((value, index) => {
    const position = index + 1;
    const flagged = flaggedElements.has(position);
    const name = elementName(segment.id, position);
    const content = [
      h('span', { class: 'element-position', text: String(position).padStart(2, '0') }),
      h('span', { class: 'element-value', text: value === '' ? '∅' : value }),
    ];
    return flagged
      ? h(
          'mark',
          { class: 'element element-flagged', title: `${name}: see the problem below` },
          h('span', { class: 'flag-icon', 'aria-hidden': 'true', text: '⚠' }),
          content,
          h('span', { class: 'visually-hidden', text: ` (${name} has a problem)` }),
        )
      : h('span', { class: 'element', title: name }, content);
  });
  const row = h(
    'tr',
    {
      id: `segment-${segment.position}`,
      class: diagnostics.length > 0 ? 'segment segment-flagged' : 'segment',
      tabindex: '-1',
      dataset: { position: String(segment.position), segmentId: String(segment.id) },
    },
    h('td', { class: 'segment-position', text: String(segment.position) }),
    h(
      'th',
      { scope: 'row', class: 'segment-id' },
      diagnostics.length > 0 ? h('span', { class: 'flag-icon', 'aria-hidden': 'true', text: '⚠ ' }) : null,
      String(segment.id),
    ),
    h(
      'td',
      { class: 'segment-elements' },
      h('span', { class: 'elements' }, elements),
      diagnostics.map((d) =>
        h(
          'p',
          { class: `diagnostic diagnostic-${severity(d)}` },
          h('span', { 'aria-hidden': 'true', text: `${LEVEL_ICON[severity(d)]} ` }),
          diagnosticText(d),
        ),
      ),
    ),
  );
  return row;
}

/**
 * The X12 one segment per row, elements apart with their positions; a segment or element that a
 * diagnostic names is marked (style, icon and the explanation beside it).
 */
export function segmentView(segments, diagnostics) {
  const bySegment = new Map();
  for (const d of diagnostics) {
    const list = bySegment.get(rowOf(d)) ?? [];
    list.push(d);
    bySegment.set(rowOf(d), list);
  }
  const body = h('tbody');
  const more = h('div', { class: 'paging' });
  let shown = 0;
  const showMore = () => {
    const slice = segments.slice(shown, shown + SHOWN);
    body.append(...slice.map((s) => segmentRow(s, bySegment.get(s.position) ?? [])));
    shown += slice.length;
    more.replaceChildren();
    if (shown < segments.length) {
      more.append(
        h('button', {
          type: 'button',
          text: `Show ${Math.min(SHOWN, segments.length - shown)} more segments`,
          onClick: showMore,
        }),
      );
    }
  };
  // A diagnostic far down the file must still be reachable: show up to its segment at once.
  const ensureShown = (position) => {
    while (shown < segments.length && !segments.slice(0, shown).some((s) => s.position === position))
      showMore();
  };
  showMore();
  const tableNode = h(
    'table',
    { class: 'segments', id: 'segments' },
    h('caption', { text: `${segments.length} segment${segments.length === 1 ? '' : 's'}` }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['#', 'Segment', 'Elements (position: value)'].map((t) => h('th', { scope: 'col', text: t })),
      ),
    ),
    body,
  );
  return { node: h('div', { class: 'segments-wrap' }, tableNode, more), ensureShown };
}

/** The diagnostics as a list; each entry moves focus to its segment row. */
export function diagnosticList(diagnostics, ensureShown, root) {
  return h(
    'ul',
    { class: 'diagnostics', id: 'diagnostics' },
    diagnostics.map((d) =>
      h(
        'li',
        { class: `diagnostic diagnostic-${severity(d)}` },
        h('span', { 'aria-hidden': 'true', text: `${LEVEL_ICON[severity(d)]} ` }),
        `${diagnosticText(d)} `,
        rowOf(d) === undefined || rowOf(d) === null
          ? null
          : h('button', {
              type: 'button',
              class: 'link',
              text: `Go to segment ${rowOf(d)} (${d.segmentId ?? ''})`,
              onClick: () => {
                ensureShown(rowOf(d));
                const row = root.querySelector(`#segment-${CSS.escape(String(rowOf(d)))}`);
                if (row !== null) {
                  row.scrollIntoView({ block: 'center' });
                  row.focus();
                }
              },
            }),
      ),
    ),
  );
}
