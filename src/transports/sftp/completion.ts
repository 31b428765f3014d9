import { isInProgressName } from '../in-progress-names.js';
import { SettleTracker } from '../settle-tracker.js';
import type { RemoteEntry } from './remote-entry.js';

/**
 * How a partner signals that an upload is complete:
 * - `stable`: it does not; a file is complete once its size and mtime stayed the same across
 *   listings `settleMs` apart, or at once when it was renamed from an in-progress name;
 * - `rename`: it uploads under an in-progress name (`.part`, `.tmp`, a leading dot) and renames,
 *   so any other name is complete as soon as it is seen;
 * - `{ doneSuffix }`: it writes a marker after the file (`PO1.x12.done` after `PO1.x12`).
 */
export type Completion = 'stable' | 'rename' | { readonly doneSuffix: string };

/** A partner's completion convention applied to listings of its inbox. */
export interface CompletionRule {
  /** The complete files in one listing taken at `now`; in-progress names and markers never are. */
  complete(entries: readonly RemoteEntry[], now: number): RemoteEntry[];
  /** The marker file that goes with `name` and leaves the inbox with it, if the convention has one. */
  markerOf(name: string): string | undefined;
}

/**
 * The rule for a partner's `completion` setting.
 *
 * @example
 * const rule = completionRule({ doneSuffix: '.done' }, 54_000);
 * rule.complete(entries, Date.now()); // PO1.x12 when PO1.x12.done is listed too
 */
export function completionRule(completion: Completion, settleMs: number): CompletionRule {
  if (completion === 'stable') {
    const tracker = new SettleTracker(settleMs);
    return { complete: (entries, now) => tracker.observe(entries, now), markerOf: () => undefined };
  }
  if (completion === 'rename') {
    return {
      complete: (entries) => entries.filter((entry) => !isInProgressName(entry.name)),
      markerOf: () => undefined,
    };
  }
  const { doneSuffix } = completion;
  return {
    complete(entries) {
      const names = new Set(entries.map((entry) => entry.name));
      return entries.filter(
        (entry) =>
          !isInProgressName(entry.name) &&
          !entry.name.endsWith(doneSuffix) &&
          names.has(`${entry.name}${doneSuffix}`),
      );
    },
    markerOf: (name) => `${name}${doneSuffix}`,
  };
}
