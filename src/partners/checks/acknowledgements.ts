import type { X12PartnerFile } from '../schema.js';
import type { PartnerCheck } from './partner-check.js';

/** The 999 belongs to 005010 (X231); a 004010 translator has no spec to read it with. */
export const acknowledgementsCheck: PartnerCheck<X12PartnerFile> = {
  reads: ['/x12', '/acknowledgements'],
  run({ x12, acknowledgements }) {
    if (acknowledgements.functional !== '999' || !x12.version.startsWith('004010')) return [];
    return [
      {
        pointer: '/acknowledgements/functional',
        message: `is 999, which exists from 005010 on: a ${x12.version} partner reads 997`,
      },
    ];
  },
};
