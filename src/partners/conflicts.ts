import type { PartnerProblem } from './problem.js';
import type { PartnerConfig } from './types.js';
import type { Position } from './yaml-source.js';

/** A loaded partner and where it came from. */
export interface PartnerEntry {
  readonly config: PartnerConfig;
  /** The file, or `partner <id>` for a config built in code. */
  readonly source: string;
  readonly locate?: (pointer: string) => Position | undefined;
}

/**
 * Problems between partners: two with one id, or two that claim the same ISA sender, whose files the
 * gateway could then not tell apart. Each is reported on the later entry, naming the earlier.
 */
export function findConflicts(entries: readonly PartnerEntry[]): PartnerProblem[] {
  const problems: PartnerProblem[] = [];
  const byId = new Map<string, PartnerEntry>();
  const bySender = new Map<string, PartnerEntry>();
  const report = (entry: PartnerEntry, pointer: string, message: string) =>
    problems.push({ source: entry.source, pointer, message, ...entry.locate?.(pointer) });

  for (const entry of entries) {
    const { config } = entry;
    const sameId = byId.get(config.id);
    if (sameId) {
      // One problem is enough: a second copy of a partner also repeats its sender.
      report(entry, '/id', `'${config.id}' is also the id of the partner in ${sameId.source}`);
      continue;
    }
    byId.set(config.id, entry);

    if (config.kind !== 'x12') continue;
    const { isaQualifier, isaId } = config.identity.theirs;
    const key = senderKey(isaQualifier, isaId);
    const sameSender = bySender.get(key);
    if (sameSender) {
      report(
        entry,
        '/identity/theirs',
        `${isaQualifier}/${isaId} is also the ISA sender of ${sameSender.config.id} (${sameSender.source}): the gateway could not tell their files apart`,
      );
    } else bySender.set(key, entry);
  }
  return problems;
}

/** ISA05/06 as a lookup key; ISA ids are padded to 15 characters, so padding is not part of them. */
export function senderKey(qualifier: string, id: string): string {
  return `${qualifier.trim()}/${id.trim()}`;
}
