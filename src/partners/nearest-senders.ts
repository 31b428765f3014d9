import type { PartnerRegistry } from './registry.js';
import { editDistance } from './edit-distance.js';

/** A partner whose ISA sender looks like one that matched no partner. */
export interface NearSender {
  partnerId: string;
  qualifier: string;
  isaId: string;
  /** Characters to change, add or remove to turn one id into the other. */
  distance: number;
}

/**
 * The X12 partners whose ISA sender is a few characters from a qualifier and id no partner has,
 * nearest first: a typo in a partner file (or a partner that changed its id) shows up as one
 * character away. Case and the padding of ISA06 do not count; a different qualifier counts one.
 *
 * @example
 * nearestSenders(partners, 'ZZ', 'ACMERETAL'); // [{ partnerId: 'acme-retail', isaId: 'ACMERETAIL', distance: 1, ... }]
 */
export function nearestSenders(
  partners: PartnerRegistry,
  qualifier: string,
  isaId: string,
  most = 3,
): NearSender[] {
  const wanted = isaId.trim().toUpperCase();
  return (
    partners
      .all()
      .flatMap((partner) =>
        partner.kind === 'x12'
          ? [
              {
                partnerId: partner.id,
                qualifier: partner.identity.theirs.isaQualifier.trim(),
                isaId: partner.identity.theirs.isaId.trim(),
                distance:
                  editDistance(wanted, partner.identity.theirs.isaId.trim().toUpperCase()) +
                  (partner.identity.theirs.isaQualifier.trim() === qualifier.trim() ? 0 : 1),
              },
            ]
          : [],
      )
      // Only ids a typo away: a partner that shares nothing with the id is no hint.
      .filter((near) => near.distance <= Math.max(2, Math.floor(wanted.length / 3)))
      .sort((a, b) => a.distance - b.distance || a.partnerId.localeCompare(b.partnerId))
      .slice(0, most)
  );
}
