import { shipNoticeStructure } from '../../../canonical/index.js';

type Bag = Record<string, unknown>;

/**
 * Inbound step for `ship_notice`: sets `structure` from the levels read.
 *
 * @example
 * setShipNoticeStructure(draft); // draft.structure === 'S/O/T/P/I'
 */
export function setShipNoticeStructure(notice: Bag): void {
  notice['structure'] = shipNoticeStructure(notice);
}
