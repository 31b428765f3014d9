import { describe, expect, it } from 'vitest';
import { InterchangeNote } from '../../../src/x12/codes.js';
import { acknowledge } from './acknowledge.js';
import { buildInterchange, finding, PIPES, segmentsOf } from './build-interchange.js';
import { parseBackWithTa1 } from './parse-back.js';

const ISA_4010 =
  'ISA*00*          *00*          *ZZ*GATEWAY        *ZZ*ACME           *240315*0930*U*00401*000009001*0*P*>';

describe('TA1', () => {
  it('A/000 right after the ISA when the sender asked for one (ISA14 = 1), before the groups', () => {
    const { x12, summary } = acknowledge(buildInterchange({ ackRequested: true, groups: [{}] }));
    const segments = segmentsOf(x12);
    expect(segments.slice(0, 3)).toEqual([
      ISA_4010,
      'TA1*000000101*240314*1200*A*000',
      'GS*FA*GWAPP*ACMEAPP*20240315*0930*501*X*004010',
    ]);
    expect(segments.at(-1)).toBe('IEA*1*000009001');
    expect(summary.ta1).toEqual({ code: 'A', note: '000', sent: true });
    expect(parseBackWithTa1(x12)).toEqual({
      groups: 1,
      setsPerGroup: [1],
      segmentsPerSet: [6],
      complaints: [],
    });
  });

  it('none under auto when the sender did not ask and the interchange is sound', () => {
    const { x12, summary } = acknowledge(buildInterchange({ groups: [{}] }));
    expect(segmentsOf(x12).some((s) => s.startsWith('TA1'))).toBe(false);
    expect(summary.ta1).toEqual({ code: 'A', note: '000', sent: false });
  });

  const errorNotes = Object.values(InterchangeNote).filter((code) => code !== InterchangeNote.noError);
  it.each(errorNotes)('R/%s alone, without groups, when the interchange has that error', (note) => {
    const interchange = buildInterchange({
      diagnostics: [finding.interchange(note)],
      groups: [{}, { functionalId: 'IN', controlNumber: '43' }],
    });
    const { x12, summary } = acknowledge(interchange);
    expect(segmentsOf(x12)).toEqual([ISA_4010, `TA1*000000101*240314*1200*R*${note}`, 'IEA*0*000009001']);
    expect(summary.ta1).toEqual({ code: 'R', note, sent: true });
    expect(summary.groups).toEqual([]);
    expect(summary.skippedGroups.map((g) => g.controlNumber)).toEqual(['42', '43']);
    expect(summary.controlNumbersUsed).toEqual({ interchange: 9001, groups: [], transactionSets: [] });
    expect(parseBackWithTa1(x12)).toEqual({
      groups: 0,
      setsPerGroup: [],
      segmentsPerSet: [],
      complaints: [],
    });
  });

  it('names the first error when there are several, ignoring warnings before it', () => {
    const { summary } = acknowledge(
      buildInterchange({
        diagnostics: [
          finding.interchange('014', 'warning'),
          finding.interchange('023'),
          finding.interchange('001'),
        ],
      }),
    );
    expect(summary.ta1).toEqual({ code: 'R', note: '023', sent: true });
  });

  it('E with the warning note when only warnings, and the groups are still acknowledged', () => {
    const { x12, summary } = acknowledge(
      buildInterchange({
        ackRequested: true,
        diagnostics: [finding.interchange('014', 'warning')],
        groups: [{}],
      }),
    );
    expect(segmentsOf(x12)[1]).toBe('TA1*000000101*240314*1200*E*014');
    expect(summary.ta1).toEqual({ code: 'E', note: '014', sent: true });
    expect(summary.groups).toHaveLength(1);
  });

  it('always: a TA1 even when not asked for', () => {
    const { x12 } = acknowledge(buildInterchange({ groups: [{}] }), { ta1: 'always' });
    expect(segmentsOf(x12)[1]).toBe('TA1*000000101*240314*1200*A*000');
  });

  it('never: no TA1 even when asked, and nothing at all for a rejected interchange', () => {
    const asked = acknowledge(buildInterchange({ ackRequested: true, groups: [{}] }), { ta1: 'never' });
    expect(segmentsOf(asked.x12).some((s) => s.startsWith('TA1'))).toBe(false);
    const rejected = acknowledge(
      buildInterchange({ diagnostics: [finding.interchange('001')], groups: [{}] }),
      {
        ta1: 'never',
      },
    );
    expect(rejected.x12).toBeUndefined();
    expect(rejected.summary.ta1).toEqual({ code: 'R', note: '001', sent: false });
    expect(rejected.summary.controlNumbersUsed.interchange).toBeUndefined();
  });

  it('only a TA1 for an interchange without groups that asked for one', () => {
    const { x12 } = acknowledge(buildInterchange({ ackRequested: true }));
    expect(segmentsOf(x12).slice(1)).toEqual(['TA1*000000101*240314*1200*A*000', 'IEA*0*000009001']);
  });

  it('in the sender delimiters for a 005010 interchange, with ISA13 zero-padded', () => {
    const interchange = buildInterchange({
      delimiters: PIPES,
      version: '00501',
      controlNumber: '77',
      diagnostics: [finding.interchange('027')],
    });
    const { x12 } = acknowledge(interchange);
    expect(segmentsOf(x12, PIPES).slice(1)).toEqual(['TA1|000000077|240314|1200|R|027', 'IEA|0|000009001']);
    expect(parseBackWithTa1(x12).complaints).toEqual([]);
  });

  it('copies a broken ISA09 without the separators it may contain', () => {
    const interchange = buildInterchange({ date: '24>3~1', diagnostics: [finding.interchange('014')] });
    expect(segmentsOf(acknowledge(interchange).x12)[1]).toBe('TA1*000000101*2431*1200*R*014');
  });
  it('still answers when the broken ISA cannot be mirrored: common delimiters, ISA12 00401, ISA15 P', () => {
    const interchange = buildInterchange({
      delimiters: { element: 'A', repetition: undefined, component: '>', segment: '~' },
      version: '4010',
      usage: '',
      diagnostics: [finding.interchange('026'), finding.interchange('017')],
    });
    const { x12 } = acknowledge(interchange);
    expect(segmentsOf(x12)).toEqual([
      'ISA*00*          *00*          *ZZ*GATEWAY        *ZZ*ACME           *240315*0930*U*00401*000009001*0*P*>',
      'TA1*000000101*240314*1200*R*026',
      'IEA*0*000009001',
    ]);
    expect(parseBackWithTa1(x12).complaints).toEqual([]);
  });
});
