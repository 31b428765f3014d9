import { shipNoticeOptions } from '../defaults.js';
import { pointerSegment, type Finding } from '../problem.js';
import type { X12PartnerFile } from '../schema.js';
import type { PartnerCheck } from './partner-check.js';

/** The document lists, their options and the mappings must tell one consistent story. */
export const documentsCheck: PartnerCheck<X12PartnerFile> = {
  reads: ['/documents', '/mappings'],
  run({ documents, mappings }, written) {
    const findings: Finding[] = [];
    const listed = new Set<string>([...documents.inbound, ...documents.outbound]);
    if (listed.size === 0) {
      findings.push({
        pointer: '/documents',
        message:
          'lists no transaction sets: put what they send us in inbound and what we send them in outbound',
      });
    }
    documents.outbound.forEach((set, index) => {
      if (set === '997' || set === '999') {
        findings.push({
          pointer: `/documents/outbound/${index}`,
          message: `is ${set}: the acknowledgements we send are set by acknowledgements.functional, not listed here`,
        });
      }
    });
    for (const set of ['855', '856'] as const) {
      if (written.has(`/documents/options/${set}`) && !documents.outbound.includes(set)) {
        findings.push({
          pointer: `/documents/options/${set}`,
          message: `is set, but ${set} is not in documents.outbound`,
        });
      }
    }
    const shipNotice = shipNoticeOptions(documents.options['856']);
    if (shipNotice.hierarchy === 'SOI' && shipNotice.packageLabel === 'sscc-18') {
      findings.push({
        pointer: '/documents/options/856/packageLabel',
        message: 'is sscc-18, but the SOI hierarchy has no pack level to carry a carton label',
      });
    }
    for (const set of Object.keys(mappings)) {
      if (!listed.has(set)) {
        findings.push({
          pointer: `/mappings/${pointerSegment(set)}`,
          message: `maps ${set}, which is not in documents.inbound or documents.outbound`,
        });
      }
    }
    return findings;
  },
};
