import { describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../../src/canonical/index.js';
import { formatDiagnostic } from '../../../src/x12/index.js';
import { content, mappingFor, roundTrip } from './round-trip.js';
import { readSample, readSet, renderedBody } from './sample-documents.js';
import { envelope, textSets } from './texts.js';

const periods = [
  'DTM*002****D8*20240315',
  'DTM*010****DT*202403150930',
  'DTM*037****RD8*20240310-20240320',
  'DTM*038****RDT*202403100800-202403201700',
  'DTM*011*20240301***TM*1430',
  'DTM*064*20240320***CY*2024',
  'DTM*068*20240321***D8*20240322',
  'DTM*118****TM*0930',
  'DTM*063****CY*2024',
];
const segments = ['BEG*00*SA*PO-1**20240301', ...periods, 'PO1*1*1*EA*1**SK*S-1', 'DTM*002****D8*20240401'];
const set = textSets(envelope('850', segments))[0];
if (!set) throw new Error('no set');
const { documents, diagnostics } = readSet(set);
const order = documents[0] as PurchaseOrder;

describe('DTM05/DTM06 periods read into dates', () => {
  it('reads D8, DT, RD8 and RDT into the date, time, end date and end time, keeping the format', () => {
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(order.dates.slice(0, 4)).toEqual([
      { qualifier: '002', type: 'requested_delivery', date: '2024-03-15', periodFormat: 'D8' },
      { qualifier: '010', type: 'requested_ship', date: '2024-03-15', time: '09:30', periodFormat: 'DT' },
      {
        qualifier: '037',
        type: 'ship_not_before',
        date: '2024-03-10',
        endDate: '2024-03-20',
        periodFormat: 'RD8',
      },
      {
        qualifier: '038',
        type: 'ship_not_after',
        date: '2024-03-10',
        time: '08:00',
        endDate: '2024-03-20',
        endTime: '17:00',
        periodFormat: 'RDT',
      },
    ]);
    expect(order.lines[0]?.dates).toEqual([
      { qualifier: '002', type: 'requested_delivery', date: '2024-04-01', periodFormat: 'D8' },
    ]);
  });

  it('reads a TM period as the time of the DTM02 date', () => {
    expect(order.dates[4]).toEqual({
      qualifier: '011',
      type: 'shipped',
      date: '2024-03-01',
      time: '14:30',
      periodFormat: 'TM',
    });
  });

  it('keeps a period as sent beside a DTM02 date when its format is not converted or it would replace that date', () => {
    expect(order.dates.slice(5)).toEqual([
      {
        qualifier: '064',
        type: 'deliver_not_before',
        date: '2024-03-20',
        periodFormat: 'CY',
        period: '2024',
      },
      {
        qualifier: '068',
        type: 'scheduled_ship',
        date: '2024-03-21',
        periodFormat: 'D8',
        period: '20240322',
      },
    ]);
  });

  it('keeps a DTM that has no date (a time alone, a year) as an extension', () => {
    expect(order.extensions).toEqual([
      { segment: 'DTM', elements: ['118', '', '', '', 'TM', '0930'], loops: [] },
      { segment: 'DTM', elements: ['063', '', '', '', 'CY', '2024'], loops: [] },
    ]);
  });

  it('writes each back as it was sent, and reads back as the same document', () => {
    const body = renderedBody(order, 'x12/004010/850', '004010', 'PO');
    expect(body.filter((s) => s.startsWith('DTM*'))).toEqual([
      ...periods.slice(0, 7),
      // Extensions follow the DTMs the mapping writes, at the same place in the structure.
      ...periods.slice(7),
      'DTM*002****D8*20240401',
    ]);
    const mapping = mappingFor(set);
    if (!mapping) throw new Error('no mapping');
    const trip = roundTrip(set, mapping, 'PO');
    expect(content(trip.second)).toEqual(content(trip.document));
    expect(trip.document?.extensions).toEqual(order.extensions);
  });

  it('reports a period that does not match its format, with the element and what was expected', () => {
    const bad = textSets(
      envelope('850', ['BEG*00*SA*PO-1**20240301', 'DTM*002****D8*2024031', 'PO1*1*1*EA']),
    )[0];
    expect(readSet(bad).diagnostics.map((d) => [d.code, d.segmentId, d.elementPosition, d.message])).toEqual([
      ['8', 'DTM', 6, "DTM06 '2024031' is not a D8 period (expected CCYYMMDD)"],
    ]);
  });

  it('reads the RD8 coverage periods of an 820 item', () => {
    const remittance = readSample(
      '820/stupidedi__005010_X306-RA820_pass_final-hix-820-aptc-adjustments.edi',
      'remittance',
    );
    expect(remittance.items[0]?.dates).toEqual([
      {
        qualifier: '582',
        type: 'report_period',
        date: '2014-02-01',
        endDate: '2014-02-28',
        periodFormat: 'RD8',
      },
    ]);
    expect(remittance.extensions).toBeUndefined();
  });
});
