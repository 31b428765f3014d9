import { describe, expect, it } from 'vitest';
import type { CanonicalDocument, ExtensionSegment } from '../../../src/canonical/index.js';
import { loadMapping, renderSet } from '../../../src/mapping/engine/index.js';
import { formatDiagnostic, readX12, type TransactionSet } from '../../../src/x12/index.js';
import { MAPPINGS, content, mappingFor, roundTrip } from './round-trip.js';
import { setBody } from './sample-documents.js';
import { envelope, textSets } from './texts.js';

/** The one set of X12 text written here; fails when the validator does not accept it. */
function accepted(x12: string): TransactionSet {
  const [set] = textSets(x12);
  if (!set?.loops) throw new Error('no readable set');
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => formatDiagnostic(d)).join('\n'));
  return set;
}

/** read -> render -> read of one set: the documents, and the set's body as written. */
function throughRender(set: TransactionSet, functionalId: string) {
  const mapping = mappingFor(set);
  if (!mapping) throw new Error(`no mapping for ${set.id}`);
  const trip = roundTrip(set, mapping, functionalId);
  expect(trip.first.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  if (!trip.document || !trip.x12) throw new Error('the set read as no document');
  return { document: trip.document, second: trip.second, body: setBody(trip.x12) };
}

const extensionsOf = (document: CanonicalDocument): ExtensionSegment[] => document.extensions ?? [];

describe('an 850 with segments no rule reads', () => {
  const body = [
    'BEG*00*SA*PO-1001**20240301',
    'REF*DP*042',
    'FOB*PP*OR*ORIGIN',
    'CSH*Y',
    'DTM*002*20240315',
    'TD5*B*2*ABFS*M',
    'TD3*TL**TRLR1234',
    'TD4*HM',
    'N1*ST*STORE 12*92*0012',
    'PO1*1*10*EA*9.5**UP*012345678905',
    'CTP**RES*12.99*1*EA>1',
    'PID*F****WIDGET',
    'FOB*CC',
    'LS*A',
    'LDT*AE*10*DA',
    'LE*A',
    'N9*L1*LINE NOTE',
    'MSG*HANDLE WITH CARE',
    'PO1*2*5*EA*3**UP*012345678912',
    'CTT*2',
  ];
  const { document, second, body: written } = throughRender(accepted(envelope('850', body)), 'PO');

  it('keeps FOB, CSH, TD3 and TD4 of the header, where the TD5 beside them is read', () => {
    expect(document).toMatchObject({ carriers: [{ scac: 'ABFS', modeCode: 'M' }] });
    expect(extensionsOf(document).filter((e) => e.loops.length === 0)).toEqual([
      { segment: 'FOB', elements: ['PP', 'OR', 'ORIGIN'], loops: [] },
      { segment: 'CSH', elements: ['Y'], loops: [] },
      { segment: 'TD3', elements: ['TL', '', 'TRLR1234'], loops: [] },
      { segment: 'TD4', elements: ['HM'], loops: [] },
    ]);
  });

  it('keeps what sits in a line with the line it sits in: composites, the LS/LE loop, a whole N9 loop', () => {
    const line = { loop: 'PO1', iteration: 1 };
    expect(extensionsOf(document).filter((e) => e.loops.length > 0)).toEqual([
      {
        segment: 'CTP',
        elements: ['', 'RES', '12.99', '1', ['EA', '1']],
        loops: [line, { loop: 'CTP', iteration: 1 }],
      },
      { segment: 'FOB', elements: ['CC'], loops: [line] },
      {
        segment: 'LDT',
        elements: ['AE', '10', 'DA'],
        loops: [line, { loop: 'LS', iteration: 1, loopIdentifier: 'A' }, { loop: 'LDT', iteration: 1 }],
      },
      { segment: 'N9', elements: ['L1', 'LINE NOTE'], loops: [line, { loop: 'N9', iteration: 1 }] },
      { segment: 'MSG', elements: ['HANDLE WITH CARE'], loops: [line, { loop: 'N9', iteration: 1 }] },
    ]);
    // The line's own data is read as ever; the line N9's message is not a line note.
    expect(document.type === 'purchase_order' && document.lines[0]).toMatchObject({
      description: 'WIDGET',
      ids: { upc: '012345678905' },
    });
    expect(document.type === 'purchase_order' && document.lines[0]?.notes).toBeUndefined();
  });

  it('writes every segment back where it was, and reads back as the same document', () => {
    expect(written).toEqual(body);
    expect(content(second)).toEqual(content(document));
  });
});

describe('an 856 with TD3 and FOB at shipment level', () => {
  const body = [
    'BSN*00*SH-1*20240305*1430*0001',
    'DTM*011*20240305',
    'HL*1**S*1',
    'TD1*CTN25*3****G*50*LB',
    'TD5*B*2*ABFS*M',
    'TD3*TL**TRLR1234',
    'REF*BM*BOL-1',
    'DTM*011*20240305',
    'FOB*PP',
    'N1*SF*ACME SUPPLY*92*A1',
    'HL*2*1*O*1',
    'PRF*PO-1001',
    'HL*3*2*P*1',
    'MAN*GM*00012345600000000029',
    'HL*4*3*I*0',
    'LIN*1*UP*012345678905',
    'SN1**12*EA',
    'CTT*1',
  ];
  const { document, second, body: written } = throughRender(accepted(envelope('856', body, 'SH')), 'SH');

  it('keeps them in the shipment HL, and the DTM beside BSN in the header', () => {
    expect(extensionsOf(document)).toEqual([
      { segment: 'DTM', elements: ['011', '20240305'], loops: [] },
      { segment: 'TD3', elements: ['TL', '', 'TRLR1234'], loops: [{ loop: 'HL', iteration: 1 }] },
      { segment: 'FOB', elements: ['PP'], loops: [{ loop: 'HL', iteration: 1 }] },
    ]);
    expect(document).toMatchObject({
      structure: 'S/O/P/I',
      dates: [{ qualifier: '011', date: '2024-03-05' }],
      references: [{ qualifier: 'BM', value: 'BOL-1' }],
    });
  });

  it('writes them back in the same HL, and reads back as the same document', () => {
    expect(written).toEqual(body);
    expect(content(second)).toEqual(content(document));
  });

  it('names an HL by the number it is written as when the file does not number depth first', () => {
    const shuffled = [
      'BSN*00*SH-2*20240305*1430',
      'HL*1**S*1',
      'HL*2*1*O*1',
      'HL*3*2*P*1',
      'HL*4*2*P*1',
      'PKG*F*68***FRAGILE',
      'HL*5*3*I*0',
      'LIN**UP*012345678905',
      'SN1**1*EA',
      'HL*6*4*I*0',
      'LIN**UP*012345678912',
      'SN1**2*EA',
    ];
    const trip = throughRender(accepted(envelope('856', shuffled, 'SH')), 'SH');
    // Written depth first, the second pack (HL 4 as sent) is HL 5: its first item comes before it.
    expect(extensionsOf(trip.document)).toEqual([
      { segment: 'PKG', elements: ['F', '68', '', '', 'FRAGILE'], loops: [{ loop: 'HL', iteration: 5 }] },
    ]);
    expect(trip.body.slice(7, 9)).toEqual(['HL*5*2*P*1', 'PKG*F*68***FRAGILE']);
    expect(content(trip.second)).toEqual(content(trip.document));
  });
});

describe('extension elements in 005010: composites and repetitions', () => {
  const x12 = [
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240102*1200*^*00501*000000101*0*P*>',
    'GS*IN*SENDER*RECEIVER*20240102*1200*101*X*005010',
    'ST*810*0001',
    'BIG*20240102*INV-1',
    'N1*BY*BUYER*92*B1',
    'DMG*D8*19800101*F**A>RET>2106-3^B>RET>2054-5',
    'N1*ST*STORE*92*S1',
    'DMG*D8*19900101*M**C^D',
    'IT1*1*1*EA*10',
    'TDS*1000',
    'SE*9*0001',
    'GE*1*101',
    'IEA*1*000000101',
  ]
    .map((s) => `${s}~`)
    .join('\n');
  const { document, second, body } = throughRender(accepted(x12), 'IN');

  it('lists each repetition of a repeated element, each as its components', () => {
    expect(extensionsOf(document)).toEqual([
      {
        segment: 'DMG',
        elements: [
          'D8',
          '19800101',
          'F',
          '',
          [
            ['A', 'RET', '2106-3'],
            ['B', 'RET', '2054-5'],
          ],
        ],
        loops: [{ loop: 'N1', iteration: 1 }],
      },
      {
        segment: 'DMG',
        elements: ['D8', '19900101', 'M', '', [['C'], ['D']]],
        loops: [{ loop: 'N1', iteration: 2 }],
      },
    ]);
  });

  it('writes them back with the repetition separator, in their N1 loops', () => {
    expect(body.filter((s) => /^(N1|DMG)\*/.test(s))).toEqual([
      'N1*BY*BUYER*92*B1',
      'DMG*D8*19800101*F**A>RET>2106-3^B>RET>2054-5',
      'N1*ST*STORE*92*S1',
      'DMG*D8*19900101*M**C^D',
    ]);
    expect(content(second)).toEqual(content(document));
  });
});

describe('extensions of a document written by hand', () => {
  const mapping = loadMapping(MAPPINGS, 'x12/004010/850');
  const order: CanonicalDocument = {
    type: 'purchase_order',
    id: 'purchase_order-1',
    partnerId: 'acme',
    source: { channel: 'api' },
    poNumber: 'PO-7',
    orderDate: '2024-03-01',
    purpose: 'original',
    currency: 'USD',
    parties: [],
    lines: [{ lineNumber: '1', quantity: '1', uom: 'EA', ids: { sku: 'S-1' } }],
    references: [],
    dates: [],
    notes: [],
  };
  const ids = (segments: readonly (readonly unknown[])[]) => segments.map((s) => s[0]);

  it('go where the structure takes them: a PO1-level SLN loop, header segments before the N1s', () => {
    const segments = renderSet(
      {
        ...order,
        extensions: [
          { segment: 'SLN', elements: ['1', '', 'I', '1', 'EA'], loops: [{ loop: 'PO1', iteration: 1 }] },
          { segment: 'FOB', elements: ['PP'], loops: [] },
        ],
      },
      mapping,
      1,
      '004010',
    );
    expect(ids(segments)).toEqual(['ST', 'BEG', 'CUR', 'FOB', 'PO1', 'SLN']);
  });

  it('fail to render, naming the extension, when the structure has no place for them', () => {
    const render = (extension: ExtensionSegment) =>
      renderSet({ ...order, extensions: [extension] }, mapping, 1, '004010');
    expect(() => render({ segment: 'BSN', elements: ['00'], loops: [] })).toThrow(
      /extension BSN \(in the set itself\) cannot be written back: the 850 structure has no BSN in the set itself/,
    );
    expect(() => render({ segment: 'MSG', elements: ['X'], loops: [{ loop: 'PO1', iteration: 4 }] })).toThrow(
      /extension MSG \(in PO1 4\) cannot be written back: the document has no PO1 4 to write it in/,
    );
    expect(() =>
      render({ segment: 'REF', elements: ['X', '1'], loops: [{ loop: 'HL', iteration: 1 }] }),
    ).toThrow(/the structure has no HL loop in the set itself/);
  });

  it('are read back as written', () => {
    const extensions: ExtensionSegment[] = [{ segment: 'CSH', elements: ['Y'], loops: [] }];
    const segments = renderSet({ ...order, extensions }, mapping, 1, '004010');
    const x12 = envelope(
      '850',
      segments.slice(1).map((s) => s.join('*')),
    );
    const [set] = readX12(x12).transactionSets;
    if (!set) throw new Error('no set');
    const trip = throughRender(set, 'PO');
    expect(trip.document.extensions).toEqual(extensions);
  });
});
