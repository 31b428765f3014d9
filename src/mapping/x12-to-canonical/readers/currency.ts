import { firstSegment, type LoopInstance } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import type { MappingContext } from '../transaction-set-mapper.js';

/** CUR02 of the set's first CUR (the one in the heading area). */
export function sentCurrency(tree: LoopInstance, elements: ElementReader): string | undefined {
  const cur = firstSegment(tree, 'CUR');
  return cur && elements.text(cur, 2);
}

/** The currency of the set's amounts: CUR02 where sent, else the trading agreement's (see {@link MappingContext.defaultCurrency}). */
export function currencyOf(tree: LoopInstance, elements: ElementReader, context: MappingContext): string {
  return sentCurrency(tree, elements) ?? context.defaultCurrency ?? 'USD';
}
