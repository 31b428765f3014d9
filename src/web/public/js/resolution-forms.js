import { field, h, select } from './dom.js';

// The resolutions staff can apply to an order exception and the inputs each takes, as the API's
// schema for POST /api/exceptions/:id/resolve has them.
const AMOUNT = '^\\d{1,14}(\\.\\d{1,6})?$';

function lineChoice(id, order, holds, required) {
  const held = new Set(holds.map((f) => f.lineNumber).filter(Boolean));
  const lines = order?.lines ?? [];
  const options = lines.map((l) => [
    l.lineNumber,
    `Line ${l.lineNumber}: ${l.itemId ?? '?'} × ${l.quantity} ${l.uom} at ${l.unitPrice ?? 'no price'}${held.has(l.lineNumber) ? ' (held)' : ''}`,
  ]);
  const first = lines.find((l) => held.has(l.lineNumber))?.lineNumber;
  if (lines.length === 0) return h('input', { id, name: 'lineNumber', required });
  return select(
    { id, name: 'lineNumber', required },
    required ? options : [['', 'The whole order'], ...options],
    required ? first : '',
  );
}

const FORMS = {
  'accept-price': {
    label: 'Accept a price',
    help: 'Agree the unit price of a line held for its price: leave the price empty to accept the buyer’s.',
    fields: (order, holds) => [
      field('Line', lineChoice('resolve-lineNumber', order, holds, true)),
      field(
        'Unit price',
        h('input', { id: 'resolve-unitPrice', name: 'unitPrice', inputmode: 'decimal', pattern: AMOUNT }),
        'e.g. 10.00; empty: the buyer’s price',
      ),
    ],
  },
  'change-quantity': {
    label: 'Change a quantity',
    help: 'Ship a different quantity on one line.',
    fields: (order, holds) => [
      field('Line', lineChoice('resolve-lineNumber', order, holds, true)),
      field(
        'Quantity',
        h('input', {
          id: 'resolve-quantity',
          name: 'quantity',
          inputmode: 'decimal',
          pattern: AMOUNT,
          required: true,
        }),
      ),
    ],
  },
  'cancel-line': {
    label: 'Cancel a line',
    help: 'Refuse one line; the rest of the order goes on.',
    fields: (order, holds) => [
      field('Line', lineChoice('resolve-lineNumber', order, holds, true)),
      field('Reason', h('input', { id: 'resolve-reason', name: 'reason', required: true })),
    ],
  },
  'reject-order': {
    label: 'Reject the order',
    help: 'Refuse the whole order; the buyer gets an 855 saying so.',
    fields: () => [field('Reason', h('input', { id: 'resolve-reason', name: 'reason', required: true }))],
  },
  'release-hold': {
    label: 'Release a hold',
    help: 'Let the order go on despite a rule’s hold.',
    fields: (order, holds) => [
      field(
        'Rule',
        holds.length === 0
          ? h('input', { id: 'resolve-ruleId', name: 'ruleId', required: true })
          : select({ id: 'resolve-ruleId', name: 'ruleId', required: true }, [
              ...new Set(holds.map((f) => f.ruleId)),
            ]),
      ),
      field('Line', lineChoice('resolve-lineNumber', order, holds, false)),
      field('Note', h('input', { id: 'resolve-note', name: 'note', required: true })),
    ],
  },
};

/** Which resolution to offer first: the one that settles the first open hold. */
function suggested(holds) {
  const rule = holds[0]?.ruleId;
  if (rule === 'price-mismatch') return 'accept-price';
  return rule === undefined ? 'reject-order' : 'release-hold';
}

/**
 * The resolution form: pick a resolution, fill in its inputs; `onSubmit` gets
 * `{ id, ...inputs }` with empty optional inputs left out.
 */
export function resolutionForm(order, holds, onSubmit) {
  const chooser = select(
    { id: 'resolution-id', name: 'id' },
    Object.entries(FORMS).map(([id, spec]) => [id, spec.label]),
    suggested(holds),
  );
  const inputs = h('fieldset', { class: 'resolution-inputs' });
  const showFields = () => {
    const spec = FORMS[chooser.value];
    inputs.replaceChildren(
      h('legend', { text: spec.label }),
      h('p', { class: 'hint', text: spec.help }),
      ...spec.fields(order, holds),
    );
  };
  chooser.addEventListener('change', showFields);
  showFields();
  const form = h(
    'form',
    { class: 'card', id: 'resolution-form', 'aria-labelledby': 'resolve-title' },
    h('h2', { id: 'resolve-title', text: 'Resolve' }),
    field('Resolution', chooser),
    inputs,
    h('button', { type: 'submit', class: 'primary', text: 'Resolve', id: 'resolve-submit' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const resolution = { id: chooser.value };
    for (const control of inputs.querySelectorAll('input, select')) {
      const value = control.value.trim();
      if (value !== '') resolution[control.name] = value;
    }
    void onSubmit(resolution, form);
  });
  return form;
}
