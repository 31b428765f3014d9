import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/cli/progress-line.js';

describe('progressLine', () => {
  it('writes at most one line a second, and always the last one', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = progressLine(
      'resent',
      (line) => lines.push(line),
      () => now,
    );
    for (let done = 1; done <= 450; done++) {
      now = done * 7; // 450 steps over 3.15 s
      progress(done, 450);
    }
    expect(lines).toEqual([
      'resent 1/450\n',
      'resent 144/450\n',
      'resent 287/450\n',
      'resent 430/450\n',
      'resent 450/450\n',
    ]);
  });
});
