import { h } from './dom.js';

// Each status has a word and a symbol of its own shape, so that it reads without colour.
const LOOK = {
  received: ['↓', 'neutral'],
  processing: ['⟳', 'busy'],
  processed: ['●', 'good'],
  sent: ['✓', 'good'],
  acknowledged: ['✔✔', 'good'],
  failed: ['✕', 'bad'],
  rejected: ['⊘', 'bad'],
  open: ['◯', 'warn'],
  resolved: ['✓', 'good'],
  on_hold: ['⏸', 'warn'],
  cancelled: ['⊘', 'neutral'],
  partially_shipped: ['◐', 'busy'],
  shipped: ['➜', 'good'],
  invoiced: ['€', 'good'],
  duplicate: ['⧉', 'warn'],
  allocated: ['●', 'good'],
  partially_allocated: ['◐', 'busy'],
  backordered: ['…', 'warn'],
  enabled: ['●', 'good'],
  disabled: ['○', 'neutral'],
};

/** A status as a badge: symbol (hidden from screen readers) and the status word. */
export function statusBadge(status) {
  const [symbol, tone] = LOOK[status] ?? ['•', 'neutral'];
  return h(
    'span',
    { class: `badge badge-${tone}`, dataset: { status: String(status) } },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true', text: symbol }),
    h('span', { class: 'badge-text', text: String(status).replace(/_/g, ' ') }),
  );
}
