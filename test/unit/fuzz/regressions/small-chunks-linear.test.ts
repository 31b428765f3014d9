import { describe, expect, it } from 'vitest';
import { createX12Reader, type Diagnostic, type Interchange } from '../../../../src/x12/index.js';
import { sample } from '../../x12/sample.js';

// Found by the fuzz run (cases over the 2 s limit): the streaming reader split its whole buffer
// again for every chunk, so a long unfinished segment, or a long run of blanks outside an
// interchange, fed in small chunks took time quadratic in its length (56 KB in 6-byte chunks: 4 s).
function readInChunks(text: string, size: number) {
  const interchanges: Interchange[] = [];
  const diagnostics: Diagnostic[] = [];
  const reader = createX12Reader({
    interchange: (i) => interchanges.push(i),
    fileDiagnostic: (d) => diagnostics.push(d),
  });
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
  reader.end();
  return { interchanges, diagnostics, ms: performance.now() - started };
}

describe('the streaming reader fed in small chunks', () => {
  it('reads a 200,000-character element a few bytes at a time in linear time', () => {
    const text = sample({ sets: [[`BEG*00*SA*${'9'.repeat(200_000)}**20240115`, 'CTT*1']] });
    const { interchanges, ms } = readInChunks(text, 3);
    expect(interchanges).toHaveLength(1);
    expect(ms).toBeLessThan(1_500);
  });

  it('passes over 200,000 blanks after a file a few bytes at a time in linear time', () => {
    const { interchanges, diagnostics, ms } = readInChunks(`${sample()}${' '.repeat(200_000)}GS*PO~`, 3);
    expect(interchanges).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['garbage']);
    expect(ms).toBeLessThan(1_500);
  });
});
