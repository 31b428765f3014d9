import type { PartnerConfig } from '../partners/index.js';

/** The business documents the gateway builds and sends. */
const SENT_SETS: readonly string[] = ['855', '856', '810'];

/** One setting of a partner file that the gateway accepts but cannot carry out yet. */
export interface UnsupportedSetting {
  readonly partnerId: string;
  /** JSON pointer into the partner file. */
  readonly pointer: string;
  readonly message: string;
}

/**
 * What the partner's file asks for that the gateway does not implement. `serve` refuses to start
 * with an enabled partner that has any, and `partner check` reports them: a partner that looks
 * configured but is never served would be worse than a refusal.
 *
 * @example
 * unsupportedSettings(registry.get('northwind-health'));
 * // [{ pointer: '/transport/type', message: 'the as2 transport is not implemented yet; ...' }]
 */
export function unsupportedSettings(partner: PartnerConfig): UnsupportedSetting[] {
  const found: UnsupportedSetting[] = [];
  const add = (pointer: string, message: string) => found.push({ partnerId: partner.id, pointer, message });
  // Marketplace accounts: every setting their schema takes is carried out (pulls, webhooks, calls).
  if (partner.kind === 'marketplace') return found;
  for (const set of partner.documents.outbound) {
    if (!SENT_SETS.includes(set)) {
      add(
        '/documents/outbound',
        `names ${set}, but the gateway sends 855, 856 and 810 only (997/999 and TA1 answers are set under acknowledgements)`,
      );
    }
  }
  return found;
}
