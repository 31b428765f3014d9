import { writeInterchange, type SegmentValues } from '../../../src/x12/index.js';

/** What Acme Retail answers about one group we sent them. */
export interface AckAnswer {
  /** GS01 and GS06 of the group acknowledged. */
  functionalId: string;
  groupControlNumber: string;
  /** ST01 and ST02 of the set in it. */
  setId: string;
  setControlNumber: string;
  /** AK501 and AK901: `A` accepted, `R` rejected... */
  code: 'A' | 'E' | 'R';
}

/** An 820 line: an invoice number, what is paid on it and the deductions taken. */
export interface RemittedLine {
  invoiceNumber: string;
  paid: string;
  invoiceAmount?: string;
  adjustments?: { amount: string; reasonCode: string }[];
}

/**
 * An interchange from ACMERETAIL to OURGATEWAY with one group of one set, written by the
 * gateway's own writer so that SE01, GE01 and IEA01 are counted, not typed.
 */
function fromAcmeRetail(isa13: number, functionalId: string, body: SegmentValues[]): string {
  return writeInterchange(
    {
      delimiters: { element: '*', repetition: undefined, component: '>', segment: '~' },
      header: {
        sender: { qualifier: 'ZZ', id: 'ACMERETAIL' },
        receiver: { qualifier: 'ZZ', id: 'OURGATEWAY' },
        date: '260301',
        time: '1200',
        version: '00401',
        controlNumber: isa13,
        ackRequested: false,
        usage: 'P',
      },
      groups: [
        {
          functionalId,
          applicationSender: 'ACMERETAIL',
          applicationReceiver: 'OURGATEWAY',
          date: '20260301',
          time: '1200',
          controlNumber: isa13,
          version: '004010',
          transactionSets: [body],
        },
      ],
    },
    { segmentNewline: true },
  );
}

/** Acme Retail's 997 on one group we sent: accepted, or rejected with a bad BSN03 date. */
export function functionalAck997(isa13: number, answer: AckAnswer): string {
  const accepted = answer.code === 'A';
  return fromAcmeRetail(isa13, 'FA', [
    ['ST', '997', '0001'],
    ['AK1', answer.functionalId, answer.groupControlNumber],
    ['AK2', answer.setId, answer.setControlNumber],
    ...(accepted
      ? []
      : ([
          ['AK3', 'BSN', '2', '', '8'],
          ['AK4', '3', '373', '8', '20261341'],
        ] as SegmentValues[])),
    ['AK5', answer.code, ...(accepted ? [] : ['5'])],
    ['AK9', answer.code, '1', '1', answer.code === 'R' ? '0' : '1'],
  ]);
}

/** Acme Retail's 820 paying invoices by check, trace number `trace`. */
export function remittance820(isa13: number, trace: string, total: string, lines: RemittedLine[]): string {
  return fromAcmeRetail(isa13, 'RA', [
    ['ST', '820', '0001'],
    ['BPR', 'I', total, 'C', 'CHK', '', '', '', '', '', '', '', '', '', '', '', '20260301'],
    ['TRN', '3', trace],
    ['CUR', 'PR', 'USD'],
    ['N1', 'PR', 'Acme Retail'],
    ['N1', 'PE', 'Our Gateway'],
    ['ENT', '1'],
    ...lines.flatMap((line): SegmentValues[] => [
      ['RMR', 'IV', line.invoiceNumber, '', line.paid, line.invoiceAmount ?? ''],
      ...(line.adjustments ?? []).map((a): SegmentValues => ['ADX', a.amount, a.reasonCode]),
    ]),
  ]);
}
