import type { EntityManager } from '@mikro-orm/core';
import { TransmissionEventSchema } from '../store/index.js';

/** How many ids go in one `in (...)` list: well under SQLite's bound-parameter limit. */
export const ID_CHUNK = 500;

/** Runs `load` over `ids` in chunks and concatenates the results. */
export async function inChunks<T>(
  ids: readonly string[],
  load: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const results: T[] = [];
  for (let start = 0; start < unique.length; start += ID_CHUNK) {
    results.push(...(await load(unique.slice(start, start + ID_CHUNK))));
  }
  return results;
}

/**
 * When each outbound transmission was first sent, from its appended status history: the status
 * column only says where it stands now (`acknowledged` overwrites `sent`). Transmissions never
 * sent are absent from the map.
 */
export async function firstSentTimes(
  em: EntityManager,
  transmissionIds: readonly string[],
): Promise<Map<string, Date>> {
  const events = await inChunks(transmissionIds, (chunk) =>
    em.find(
      TransmissionEventSchema,
      { transmission: { $in: chunk }, status: 'sent' },
      { fields: ['at', 'transmission'] },
    ),
  );
  const first = new Map<string, Date>();
  for (const event of events) {
    const id = event.transmission.id;
    const known = first.get(id);
    if (known === undefined || event.at < known) first.set(id, event.at);
  }
  return first;
}
