import { describe, expect, it } from 'vitest';
import { translateX12 } from '../../../../src/mapping/index.js';
import { explainsRejection, formatDiagnostic } from '../../../../src/x12/index.js';
import { sample } from '../../x12/sample.js';

// Found by the fuzz run: a segment sent without an id (a doubled terminator before an element
// separator, `~*A~`) was rejected as "segment  stands outside any GS/GE group" or "'' is not an X12
// segment id": no name, and not specific enough to act on.
describe('a segment without an id', () => {
  it('outside a set is named by its text and line', () => {
    const { diagnostics } = translateX12(sample().replace('~GS*', '~*X*Y~GS*'));
    const error = diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ level: 'interchange', code: '022', line: 1 });
    expect(error?.message).toBe('a segment without an id ("*X*Y") stands outside any GS/GE group');
    expect(explainsRejection(diagnostics)).toBe(true);
  });

  it('inside a set is named by its position in the set', () => {
    const { diagnostics } = translateX12(sample().replace('~CTT*1~', '~*~CTT*1~'));
    const error = diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ level: 'segment', code: '1', segmentId: '', segmentPosition: 4 });
    expect(formatDiagnostic(error!)).toContain('a segment without an id');
    expect(explainsRejection(diagnostics)).toBe(true);
  });
});
