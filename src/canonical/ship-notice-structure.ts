type Bag = Record<string, unknown>;

const LEVELS = ['O', 'T', 'P', 'I'] as const;

const list = (value: unknown): Bag[] =>
  Array.isArray(value) ? value.filter((v): v is Bag => typeof v === 'object' && v !== null) : [];

/**
 * A ship notice's `structure`: the hierarchical levels it holds, outermost first, in the order
 * S, O, T, P, I (`S/O/I` for items directly under orders, `S/O/T/P/I` when some packs sit on
 * tares). No element carries it; it is what the HL tree read holds.
 *
 * @example
 * shipNoticeStructure({ orders: [{ packs: [{ items: [{}] }] }] }); // 'S/O/P/I'
 */
export function shipNoticeStructure(notice: Bag): string {
  const found = new Set<string>();
  const visitItems = (owner: Bag) => {
    if (list(owner['items']).length > 0) found.add('I');
  };
  const visitPacks = (owner: Bag) => {
    for (const pack of list(owner['packs'])) {
      found.add('P');
      visitItems(pack);
    }
  };
  for (const order of list(notice['orders'])) {
    found.add('O');
    for (const tare of list(order['tares'])) {
      found.add('T');
      visitPacks(tare);
      visitItems(tare);
    }
    visitPacks(order);
    visitItems(order);
  }
  return ['S', ...LEVELS.filter((level) => found.has(level))].join('/');
}
