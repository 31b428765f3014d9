/* global window, URLSearchParams */
import { field, h, select } from './dom.js';

/**
 * A filter form whose values live in the hash route (`#/path?name=value`), so that a filtered
 * list can be reloaded, bookmarked and gone back to. Enter in any field submits it.
 *
 * `fields` are `{ name, label, type?: 'text'|'date'|'select', options?, hint? }`.
 */
export function filterForm(ctx, route, fields, { submitLabel = 'Apply filters', id } = {}) {
  const controls = fields.map((spec) => {
    const props = { id: `filter-${spec.name}`, name: spec.name };
    const value = ctx.params.get(spec.name) ?? '';
    const control =
      spec.type === 'select'
        ? select(props, [['', spec.any ?? 'Any'], ...spec.options], value)
        : h('input', {
            ...props,
            type: spec.type ?? 'text',
            value,
            ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
          });
    return { spec, control };
  });
  const form = h(
    'form',
    { class: 'filters', role: 'search', id },
    controls.map(({ spec, control }) => field(spec.label, control, spec.hint)),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'primary', text: submitLabel }),
      h('button', {
        type: 'button',
        text: 'Clear',
        onClick: () => ctx.navigate(`#${route}`),
      }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const { spec, control } of controls) {
      const value = control.value.trim();
      if (value !== '') params.set(spec.name, value);
    }
    const search = params.toString();
    const target = `#${route}${search === '' ? '' : `?${search}`}`;
    // Submitting the same filters again still reloads the list.
    if (`#${window.location.hash.replace(/^#/, '')}` === target) void ctx.rerender();
    else ctx.navigate(target);
  });
  return form;
}

/** The hash-route parameters named in `names`, as an object for `query()`. */
export function pick(params, names) {
  return Object.fromEntries(names.map((name) => [name, params.get(name) ?? '']));
}
