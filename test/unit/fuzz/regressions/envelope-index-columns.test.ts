import { describe, expect, it } from 'vitest';
import { fitted, interchangeEntry } from '../../../../src/pipeline/interchange-index.js';
import { buildAcknowledgement } from '../../../../src/x12/index.js';
import { sample } from '../../x12/sample.js';
import { onlyInterchange } from './read-back.js';

// Found while fuzzing: a rejected interchange still goes into the envelope index, and its ISA12
// holding a control byte (`0040\u00011`, six characters) overflowed interchange_record.version,
// varchar(5) in PostgreSQL, so the job failed on every retry (a NUL is refused in any text column).
describe('the envelope index entry of an interchange with broken envelope values', () => {
  const text = sample({
    version: '0040\u00011',
    isa13: '1234567890123',
    gs: 'GS*POX*SENDER*RECEIVER*20240115*1200*1234567890*X*004010VICS-EXTRA',
    ge: 'GE*1*1234567890',
  })
    .replace('*P*>~', '*P\u0000*>~')
    .replaceAll('ST*850*0001', 'ST*8501*0001\u0000');
  const interchange = onlyInterchange(text);
  const { summary } = buildAcknowledgement(interchange, {
    controlNumbers: { interchange: 1, group: 1, transactionSet: 1 },
    now: new Date('2026-01-02T03:04:05Z'),
  });
  const entry = interchangeEntry('00000000-0000-8000-8000-000000000000', 'acme', interchange, summary);

  it('keeps every value within its column and without control characters', () => {
    expect(entry).toMatchObject({
      version: '00401',
      controlNumber: '123456789',
      usage: 'P',
      groups: [
        {
          functionalId: 'PO',
          controlNumber: '123456789',
          version: '004010VICS-E',
          transactionSets: [{ setId: '850', controlNumber: '0001' }],
        },
      ],
    });
  });

  it('keeps a value that fits as it is, so duplicates are still found by ISA13', () => {
    expect(fitted('000000905', 9)).toBe('000000905');
    expect(fitted('ABC\u0000', 5)).toBe('ABC');
    expect(fitted('𝄞𝄞𝄞', 2)).toBe('𝄞𝄞');
  });
});
