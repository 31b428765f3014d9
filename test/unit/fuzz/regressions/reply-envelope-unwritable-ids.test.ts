import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../acks/build-interchange.js';
import { sample } from '../../x12/sample.js';
import { acknowledgeText } from './read-back.js';

// Found by the fuzz run: the reply's ISA and GS mirror the sender's ids, and buildAcknowledgement
// threw X12WriteError (ack command and inbound worker alike) when one could not be written back:
// a separator inside ISA06, a one-letter qualifier, an unpadded 17-character ISA08, a one-letter
// GS02. An ISA15 or ISA12 outside what the reader takes gave a reply our own reader rejects.
const SENDER = '*ZZ*SENDER         *';
const RECEIVER = '*ZZ*RECEIVER       *';

describe('a reply to an interchange whose ids cannot be written back as they are', () => {
  it('leaves a separator out of ISA06 instead of throwing', () => {
    const { x12, errors } = acknowledgeText(sample().replace(SENDER, '*ZZ*SEND>ER        *'), {
      ta1: 'always',
    });
    expect(errors).toEqual([]);
    expect(segmentsOf(x12)[0]).toContain('*ZZ*SENDER         *');
  });

  it('writes ZZ for a qualifier that is none, and cuts an id to fifteen characters', () => {
    const text = sample().replace(RECEIVER, '*Z*RECEIVERISLONGER*');
    const { x12, errors } = acknowledgeText(text);
    expect(errors).toEqual([]);
    expect(segmentsOf(x12)[0]).toContain('*ZZ*RECEIVERISLONGE*ZZ*SENDER         *');
  });

  it('falls back to the ISA id for a GS02 too short to answer to', () => {
    const text = sample({ gs: 'GS*PO*S*RECEIVER*20240115*1200*1*X*004010' });
    const { x12, errors } = acknowledgeText(text);
    expect(errors).toEqual([]);
    expect(segmentsOf(x12)[1]).toBe('GS*FA*RECEIVER*SENDER*20240315*0930*501*X*004010');
  });

  it('answers in ISA15 P and ISA12 00401 when the sender wrote a usage or version the reader refuses', () => {
    const text = sample().replace('*U*00401*000000001*0*P*', '*U*00100*000000001*0*X*');
    const { x12, errors, summary } = acknowledgeText(text);
    expect(errors).toEqual([]);
    expect(summary.ta1.code).toBe('R');
    expect(segmentsOf(x12)[0]).toMatch(/\*U\*00401\*000009001\*0\*P\*>$/);
  });
});
