import type { PartnerFile } from '../schema.js';
import type { PartnerCheck } from './partner-check.js';

/** A priority order needs the locations to put in order. */
export const allocationCheck: PartnerCheck<PartnerFile> = {
  reads: ['/business'],
  run({ business }) {
    if (business.allocation.strategy !== 'priority' || business.allocation.locations) return [];
    return [
      {
        pointer: '/business/allocation/locations',
        message: 'is required when strategy is priority: list the locations in order of preference',
      },
    ];
  },
};
