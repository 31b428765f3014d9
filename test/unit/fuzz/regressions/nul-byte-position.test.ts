import { describe, expect, it } from 'vitest';
import { translateX12 } from '../../../../src/mapping/index.js';
import { createX12Reader, explainsRejection, readX12, type Diagnostic } from '../../../../src/x12/index.js';
import { sample } from '../../x12/sample.js';

// Found by the fuzz run: a NUL inside an otherwise sound file was reported only as "the file holds
// NUL bytes", with no place: the rejection named nothing a person could go and look at.
describe('a NUL byte in a sound file', () => {
  const text = sample().replace('PO1*1*10*EA', '\n  PO1*1*10\u0000*EA');
  const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;

  it('is reported with the line and column where it is', () => {
    const { accepted, diagnostics } = translateX12(new TextEncoder().encode(text));
    expect(accepted).toBe(false);
    const binary = diagnostics.find((d) => d.level === 'file' && d.code === 'binary');
    expect(binary).toMatchObject({ line, column: 11, severity: 'error' });
    expect(binary?.message).toMatch(/the first at offset \d+/);
    expect(explainsRejection(diagnostics)).toBe(true);
  });

  it('is found in text too, and across chunk boundaries', () => {
    const bytes = new TextEncoder().encode(text);
    const nul = bytes.indexOf(0);
    const found: Diagnostic[] = [];
    const reader = createX12Reader({ fileDiagnostic: (d) => found.push(d) });
    for (const chunk of [
      bytes.subarray(0, nul - 3),
      bytes.subarray(nul - 3, nul + 1),
      bytes.subarray(nul + 1),
    ])
      reader.push(chunk);
    reader.end();
    const fromText = readX12(text).diagnostics;
    for (const diagnostics of [found, fromText])
      expect(diagnostics.find((d) => d.code === 'binary')).toMatchObject({ line, column: 11 });
  });
});
