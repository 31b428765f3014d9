import { describe, expect, it } from 'vitest';
import { translateX12 } from '../../../../src/mapping/index.js';
import { explainsRejection } from '../../../../src/x12/index.js';

// Found by the fuzz run: a file of white space alone (a sample cut down to its tab) was rejected
// with no diagnostic at all, so the CLI and the support page could not say why.
describe('a file of white space alone', () => {
  it.each(['\t', ' \r\n\r\n ', '\ufeff\n'])('is rejected as empty, at line 1 (%j)', (text) => {
    const { accepted, diagnostics } = translateX12(new TextEncoder().encode(text));
    expect(accepted).toBe(false);
    expect(diagnostics).toMatchObject([{ level: 'file', code: 'empty', severity: 'error', line: 1 }]);
    expect(explainsRejection(diagnostics)).toBe(true);
  });
});
