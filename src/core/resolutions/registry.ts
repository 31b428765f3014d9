import { decideOrder, type OrderDecision } from '../evaluate-order.js';
import type { RuleFinding } from '../finding.js';
import type { PurchaseOrder } from '../../canonical/index.js';
import { acceptPrice } from './accept-price.js';
import { cancelLine } from './cancel-line.js';
import { changeQuantity } from './change-quantity.js';
import { rejectOrder } from './reject-order.js';
import { releaseHold } from './release-hold.js';
import type { OrderReview, Resolution } from './resolution.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

/** Every resolution staff can apply to an exception, by id. A new one is a file and a line here. */
export const resolutions = {
  [RESOLUTION_IDS.acceptPrice]: acceptPrice,
  [RESOLUTION_IDS.changeQuantity]: changeQuantity,
  [RESOLUTION_IDS.cancelLine]: cancelLine,
  [RESOLUTION_IDS.rejectOrder]: rejectOrder,
  [RESOLUTION_IDS.releaseHold]: releaseHold,
} as const;

export type ResolutionId = keyof typeof resolutions;
export type ResolutionInput<K extends ResolutionId> =
  (typeof resolutions)[K] extends Resolution<infer Input> ? Input : never;

export interface ResolvedReview extends OrderReview {
  decision: OrderDecision;
}

/**
 * Validates and applies one staff resolution, and decides the order again.
 *
 * @example
 * const next = resolveException('cancel-line', order, findings, { lineNumber: '2', reason: 'discontinued' });
 * if (next.decision === 'accept') allocate(next.order);
 */
export function resolveException<K extends ResolutionId>(
  id: K,
  order: PurchaseOrder,
  findings: readonly RuleFinding[],
  input: ResolutionInput<K>,
): ResolvedReview {
  // The map's entries differ in input type; K ties `input` to the entry picked here.
  const resolution = resolutions[id] as Resolution<ResolutionInput<K>>;
  resolution.validate(order, findings, input);
  const review = resolution.apply(order, findings, input);
  return { ...review, decision: decideOrder(review.findings) };
}
