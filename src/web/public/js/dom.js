/* global document */
// Every page is built from nodes and text, never from HTML strings: the data is partners' and
// must never be able to run as markup.

/**
 * Creates an element. `props` keys: `class`, `text`, `on<Event>` handlers, `dataset`, boolean
 * properties (`hidden`, `disabled`...); other keys become attributes. Children are nodes or text.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

/** Appends nodes and text, skipping null/undefined and flattening arrays. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(
      child instanceof Object && 'nodeType' in child ? child : document.createTextNode(String(child)),
    );
  }
  return parent;
}

/** Replaces every child of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A date and time as the operator reads it (UTC, to match the partners' files), inside `<time>`. */
export function time(value) {
  if (value === undefined || value === null || value === '') return h('span', { text: '—' });
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return h('span', { text: String(value) });
  const text = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return h('time', { datetime: date.toISOString(), text });
}

/** Text for a value that may be missing. */
export function text(value) {
  if (value === undefined || value === null || value === '') return '—';
  return Array.isArray(value) ? value.join(', ') || '—' : String(value);
}

/** A table with a caption, headers and rows of cells (nodes or text). */
export function table(caption, headers, rows, props = {}) {
  return h(
    'table',
    props,
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((name) => h('th', { scope: 'col', text: name })),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((cells) =>
        cells instanceof Object && 'nodeType' in cells
          ? cells
          : h(
              'tr',
              {},
              cells.map((cell) => h('td', {}, cell)),
            ),
      ),
    ),
  );
}

/** A `<dl>` of label/value pairs. */
export function facts(pairs, props = {}) {
  return h(
    'dl',
    { class: 'facts', ...props },
    pairs.map(([label, value]) => [h('dt', { text: label }), h('dd', {}, value)]),
  );
}

/** A labelled form field: `<label>` then the control, tied by id. */
export function field(label, control, hint) {
  const hintId = hint === undefined ? undefined : `${control.id}-hint`;
  if (hintId !== undefined) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id, text: label }),
    control,
    hint === undefined ? null : h('span', { class: 'hint', id: hintId, text: hint }),
  );
}

/** A `<select>` of options given as values or [value, label] pairs. */
export function select(props, options, selected) {
  return h(
    'select',
    props,
    options.map((option) => {
      const [value, label] = Array.isArray(option) ? option : [option, option];
      return h('option', { value, text: label, selected: value === selected });
    }),
  );
}
