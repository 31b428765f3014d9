import { isWithin, type Finding } from '../problem.js';
import type { MarketplacePartnerFile, X12PartnerFile } from '../schema.js';
import { acknowledgementsCheck } from './acknowledgements.js';
import { allocationCheck } from './allocation.js';
import { delimitersCheck } from './delimiters.js';
import { documentsCheck } from './documents.js';
import type { PartnerCheck, WrittenFields } from './partner-check.js';
import { transportCheck } from './transport.js';

export { writtenFields, type WrittenFields } from './partner-check.js';

const X12_CHECKS: readonly PartnerCheck<X12PartnerFile>[] = [
  delimitersCheck,
  documentsCheck,
  acknowledgementsCheck,
  transportCheck,
  allocationCheck,
];
const MARKETPLACE_CHECKS: readonly PartnerCheck<MarketplacePartnerFile>[] = [transportCheck, allocationCheck];

/**
 * Runs the rules the schema cannot express, each on sections the schema found valid, so one pass
 * reports schema problems and rule problems together.
 */
export function runChecks(
  data: unknown,
  schemaFindings: readonly Finding[],
  written: WrittenFields,
): Finding[] {
  // Without a valid kind, ajv validated nothing else: no section is known to be sound.
  if (schemaFindings.some((f) => f.pointer === '' || f.pointer === '/kind')) return [];
  const kind = (data as { kind?: unknown }).kind;
  const clean = (check: PartnerCheck<never>) =>
    !check.reads.some((section) => schemaFindings.some((f) => isWithin(f.pointer, section)));
  // The casts are sound: the kind is valid and every section a check reads passed the schema.
  if (kind === 'x12') return X12_CHECKS.filter(clean).flatMap((c) => c.run(data as X12PartnerFile, written));
  return MARKETPLACE_CHECKS.filter(clean).flatMap((c) => c.run(data as MarketplacePartnerFile, written));
}
