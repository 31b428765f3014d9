import { describe, expect, it } from 'vitest';
import { completionRule } from '../../../src/transports/sftp/completion.js';
import type { RemoteEntry } from '../../../src/transports/sftp/remote-entry.js';

function entry(name: string, size = 10, mtime = 1_700_000_000): RemoteEntry {
  return { name, size, modifiedAt: new Date(mtime * 1000), identity: '', version: `${size}/${mtime}` };
}
const names = (entries: RemoteEntry[]) => entries.map((each) => each.name);

describe('completion conventions', () => {
  it('stable: a file is complete once the same size and mtime were seen settleMs apart', () => {
    const rule = completionRule('stable', 1_000);
    expect(names(rule.complete([entry('PO-1.x12')], 0))).toEqual([]);
    expect(names(rule.complete([entry('PO-1.x12', 20)], 900))).toEqual([]);
    expect(names(rule.complete([entry('PO-1.x12', 20)], 1_800))).toEqual([]);
    expect(names(rule.complete([entry('PO-1.x12', 20)], 1_900))).toEqual(['PO-1.x12']);
    expect(rule.markerOf('PO-1.x12')).toBeUndefined();
  });

  it('stable: a file renamed from an in-progress name is complete at once', () => {
    const rule = completionRule('stable', 60_000);
    expect(rule.complete([entry('PO-2.x12.part')], 0)).toEqual([]);
    expect(names(rule.complete([entry('PO-2.x12')], 10))).toEqual(['PO-2.x12']);
  });

  it('rename: every finished name is complete as soon as it is listed', () => {
    const rule = completionRule('rename', 60_000);
    const listing = [entry('PO-3.x12'), entry('PO-4.x12.tmp'), entry('.PO-5.x12'), entry('PO-6.X12.PART')];
    expect(names(rule.complete(listing, 0))).toEqual(['PO-3.x12']);
  });

  it('done suffix: a file is complete when its marker is listed; markers are never offered', () => {
    const rule = completionRule({ doneSuffix: '.done' }, 60_000);
    const listing = [
      entry('PO-7.x12'),
      entry('PO-7.x12.done', 0),
      entry('PO-8.x12'),
      entry('PO-9.x12.done', 0),
      entry('PO-10.x12.part'),
      entry('PO-10.x12.part.done', 0),
    ];
    expect(names(rule.complete(listing, 0))).toEqual(['PO-7.x12']);
    expect(rule.markerOf('PO-7.x12')).toBe('PO-7.x12.done');
  });
});
