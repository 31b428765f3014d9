import type { CanonicalDocumentType } from '../../../canonical/index.js';
import { setShipNoticeStructure } from './ship-notice-structure.js';

/**
 * What a document type derives from the whole document once its mapping has read it: values no
 * single element carries. One file per step, registered here.
 */
const POST_STEPS: Partial<Record<CanonicalDocumentType, ((draft: Record<string, unknown>) => void)[]>> = {
  ship_notice: [setShipNoticeStructure],
};

/**
 * Runs the inbound steps registered for a document type on a freshly read draft.
 *
 * @example
 * runPostSteps('ship_notice', draft); // draft.structure === 'S/O/P/I'
 */
export function runPostSteps(type: CanonicalDocumentType, draft: Record<string, unknown>): void {
  for (const step of POST_STEPS[type] ?? []) step(draft);
}
