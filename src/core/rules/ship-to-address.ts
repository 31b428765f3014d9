import type { Party } from '../../canonical/index.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { isCancellation } from '../order-lines.js';

// Five digits, or ZIP+4 with or without the hyphen (X12 N403 usually sends nine bare digits).
const US_ZIP = /^\d{5}(-?\d{4})?$/;

// Most partners leave N404 empty for domestic addresses, so no country reads as the US.
function isUnitedStates(party: Party): boolean {
  const country = party.country?.trim().toUpperCase();
  return country === undefined || country === '' || country === 'US' || country === 'USA';
}

function missingFields(party: Party): string[] {
  const missing: string[] = [];
  if (!party.addressLines?.some((line) => line.trim() !== '')) missing.push('address line');
  if (!party.city?.trim()) missing.push('city');
  if (isUnitedStates(party)) {
    if (!party.state?.trim()) missing.push('state');
    if (!party.postalCode?.trim()) missing.push('ZIP code');
  } else if (!party.country?.trim()) {
    missing.push('country');
  }
  return missing;
}

const RULE_ID = 'ship-to-address';

/** An order we could not ship: no ship-to, or a ship-to address that is incomplete or malformed. */
export const shipToAddress: OrderRule = {
  id: RULE_ID,
  description: 'The ship-to party is missing, incomplete, or has a malformed US ZIP code.',
  check(order) {
    if (isCancellation(order)) return [];
    const shipTo = order.parties.find((party) => party.role === 'ship_to');
    const hold = (message: string, data: Record<string, string>): RuleFinding[] => [
      { ruleId: RULE_ID, severity: 'hold', message, data },
    ];
    if (!shipTo) {
      return hold(
        `PO ${order.poNumber} has no ship-to party; ask the buyer where to ship before allocating.`,
        { poNumber: order.poNumber },
      );
    }
    const name = shipTo.name ?? 'the ship-to';
    const missing = missingFields(shipTo);
    if (missing.length > 0) {
      return hold(
        `The ship-to address of ${name} lacks ${missing.join(', ')}; complete it from the buyer's store list or ask the buyer.`,
        { missing: missing.join(', ') },
      );
    }
    const zip = shipTo.postalCode?.trim() ?? '';
    if (isUnitedStates(shipTo) && !US_ZIP.test(zip)) {
      return hold(
        `The ship-to ZIP code "${zip}" of ${name} is not a US ZIP (5 digits or ZIP+4); correct it before shipping.`,
        { postalCode: zip },
      );
    }
    return [];
  },
};
