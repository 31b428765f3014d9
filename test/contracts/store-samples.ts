import type { InterchangeEntry } from '../../src/store/index.js';

/** Bytes a text codec would damage: NUL, a lone 0xFF, CR LF, and multi-byte UTF-8. */
export const AWKWARD = Buffer.concat([
  Buffer.from('ISA*00*'),
  Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x1d, 0x1c]),
  Buffer.from('Müller € 株式会社~', 'utf8'),
]);

/** An inbound interchange from partner `acme` with two groups and three sets. */
export function interchange(transmissionId: string, controlNumber: string): InterchangeEntry {
  return {
    transmissionId,
    direction: 'inbound',
    partnerId: 'acme',
    sender: { qualifier: 'ZZ', id: 'ACMESENDER' },
    receiver: { qualifier: 'ZZ', id: 'GATEWAY' },
    controlNumber,
    version: '00401',
    usage: 'P',
    ackRequested: false,
    outcome: 'A',
    groups: [
      {
        functionalId: 'PO',
        controlNumber: '1',
        version: '004010',
        outcomeCode: 'E',
        transactionSets: [
          { setId: '850', controlNumber: '0001', outcomeCode: 'A', errorCount: 0 },
          { setId: '850', controlNumber: '0002', outcomeCode: 'R', errorCount: 3 },
        ],
      },
      {
        functionalId: 'PO',
        controlNumber: '2',
        version: '004010',
        outcomeCode: 'A',
        transactionSets: [{ setId: '850', controlNumber: '0001', outcomeCode: 'A', errorCount: 0 }],
      },
    ],
  };
}
