import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PurchaseOrder } from '../canonical/index.js';
import { isCancellation } from '../core/index.js';
import { renderForPartner, translateX12 } from '../mapping/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import { partnerReplies } from './partner-replies.js';

export interface ReplayReport {
  problems: string[];
  /** One line per reply written: what the partner would get. */
  notes: string[];
}

/**
 * Replays each purchase order of a sample file through the core to the 855, 856 and 810 the
 * partner would get when nothing is wrong with the order, renders each as the partner's X12 (the
 * renderer reads it back against the standard and refuses an invalid file) and reports what
 * cannot be sent. With `writeTo`, each reply is written as `<PO>.<set>.edi` there.
 *
 * @example
 * const { problems, notes } = replaySampleOrders(bytes, 'po.edi', partner, { mappingsDir, date: '2024-03-05' });
 */
export function replaySampleOrders(
  bytes: Uint8Array,
  file: string,
  partner: X12PartnerConfig,
  options: { mappingsDir: string; date: string; now: Date; writeTo?: string },
): ReplayReport {
  const report: ReplayReport = { problems: [], notes: [] };
  const { documents } = translateX12(bytes, { partner, mappingsDir: options.mappingsDir });
  const orders = documents.filter(
    (document): document is PurchaseOrder => document.type === 'purchase_order' && !isCancellation(document),
  );
  for (const order of orders) {
    const where = `${file}: PO ${order.poNumber}`;
    for (const reply of partnerReplies(order, partner, options.date)) {
      if (!reply.ok) {
        report.problems.push(
          `${where}: the ${reply.set} ${partner.id} would get cannot be made: ${reply.reason}`,
        );
        continue;
      }
      let x12: string;
      try {
        x12 = renderForPartner(reply.documents, partner, {
          mappingsDir: options.mappingsDir,
          controlNumbers: { interchange: 1, group: 1, transactionSet: 1 },
          now: options.now,
        });
      } catch (error) {
        report.problems.push(
          `${where}: the ${reply.set} ${partner.id} would get cannot be written: ${(error as Error).message}`,
        );
        continue;
      }
      const name = `${order.poNumber.replace(/[^A-Za-z0-9._-]/g, '_')}.${reply.set}.edi`;
      if (options.writeTo !== undefined) {
        mkdirSync(options.writeTo, { recursive: true });
        writeFileSync(join(options.writeTo, name), x12);
      }
      report.notes.push(`replay: ${where} -> ${reply.set}: ${summary(x12, partner)}`);
    }
  }
  return report;
}

/** The segments a person checks first in a reply: BAK/BSN/BIG, REF, HL levels. */
function summary(x12: string, partner: X12PartnerConfig): string {
  const { element, segment } = partner.x12.delimiters;
  const segments = x12.split(segment).map((s) => s.trim());
  const pick = (id: string) => segments.filter((s) => s.startsWith(`${id}${element}`));
  const header = [...pick('BAK'), ...pick('BSN'), ...pick('BIG')].slice(0, 1);
  const references = pick('REF').slice(0, 4);
  const levels = pick('HL').map((hl) => hl.split(element)[3] ?? '');
  return [
    ...header,
    ...references,
    ...(levels.length > 0 ? [`HL levels ${levels.join('')}`] : []),
    `${segments.filter((s) => s !== '').length} segments`,
  ].join(', ');
}
