import { finalNameOf, isInProgressName } from './in-progress-names.js';

/** What the tracker needs of one listed inbox file, whatever the transport. */
export interface SettleEntry {
  readonly name: string;
  /** A stable file identity (device and inode), or empty where the listing has none (SFTP). */
  readonly identity: string;
  /** Changes whenever the content may have (size and mtime, with the identity where known). */
  readonly version: string;
}

interface Sighting {
  readonly version: string;
  /** When this version was first seen. */
  readonly since: number;
  readonly renamedFromInProgress: boolean;
}

/**
 * Decides, poll after poll, which inbox files are complete. A partner's upload gives no "done"
 * signal, so a file counts as complete when either
 * - the same version (size, mtime, inode) was seen in polls at least `settleMs` apart, or
 * - it was renamed from an in-progress name seen in the previous poll (same final name and, where
 *   the file system has them, same inode: inode numbers alone get reused by unrelated files).
 *
 * The folder and SFTP transports share it; each decides what its `version` holds.
 *
 * @example
 * const tracker = new SettleTracker(5_000);
 * tracker.observe(await listInbox(dir), Date.now()); // first sight: nothing complete yet
 */
export class SettleTracker {
  private sightings = new Map<string, Sighting>();
  private inProgress: SettleEntry[] = [];

  constructor(private readonly settleMs: number) {}

  /** Records one listing taken at `now` and returns the complete files in it. */
  observe<Entry extends SettleEntry>(entries: readonly Entry[], now: number): Entry[] {
    const previousInProgress = this.inProgress;
    this.inProgress = entries.filter((entry) => isInProgressName(entry.name));
    const stillInProgress = new Set(this.inProgress.map((entry) => entry.name));
    const next = new Map<string, Sighting>();
    const complete: Entry[] = [];

    for (const entry of entries) {
      if (isInProgressName(entry.name)) continue;
      const previous = this.sightings.get(entry.name);
      const sighting =
        previous?.version === entry.version
          ? previous
          : {
              version: entry.version,
              since: now,
              renamedFromInProgress: previousInProgress.some(
                (earlier) =>
                  !stillInProgress.has(earlier.name) &&
                  finalNameOf(earlier.name) === entry.name &&
                  earlier.identity === entry.identity,
              ),
            };
      next.set(entry.name, sighting);
      if (sighting.renamedFromInProgress || now - sighting.since >= this.settleMs) complete.push(entry);
    }
    // Forgetting vanished files keeps memory bounded by the inbox's size.
    this.sightings = next;
    return complete;
  }
}
