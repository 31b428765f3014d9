import { resolve } from 'node:path';
import type { PartnerRegistry } from '../partners/index.js';
import { ensureGatewayFolder, removeStaleStaging } from '../transports/index.js';

/** What {@link preparePartnerFolders} did, one sentence each, for the start-up lines. */
export interface FolderPreparation {
  created: string[];
  removed: string[];
}

/** A staging file untouched this long belongs to a writer that died. Local writes take seconds. */
const STALE_STAGING_MS = 60_000;

/**
 * Gets enabled folder partners' folders ready at start: creates the inbox, outbox and archive
 * that lie under `dataDir` (the demo partner's `data/folders/...`), and removes the staging files
 * a killed process left in the folders we write to (outbox, archive). A missing folder outside
 * `dataDir` is left missing: it may be a share that is not mounted, and each poll reports it.
 *
 * @example
 * const { created, removed } = await preparePartnerFolders(registry, config.DATA_DIR);
 */
export async function preparePartnerFolders(
  partners: PartnerRegistry,
  dataDir: string,
  now = Date.now(),
): Promise<FolderPreparation> {
  const done: FolderPreparation = { created: [], removed: [] };
  for (const partner of partners.all()) {
    if (!partner.enabled || partner.kind !== 'x12' || partner.transport.type !== 'folder') continue;
    const { inbox, outbox, archive } = partner.transport;
    for (const folder of [inbox, outbox, archive]) {
      if (folder !== undefined && (await ensureGatewayFolder(folder, dataDir))) {
        done.created.push(`partner ${partner.id}: created ${resolve(folder)}`);
      }
    }
    for (const folder of [outbox, archive]) {
      if (folder === undefined) continue;
      for (const name of await removeStaleStaging(folder, STALE_STAGING_MS, now)) {
        done.removed.push(
          `partner ${partner.id}: removed ${name}, left in ${resolve(folder)} by an interrupted write`,
        );
      }
    }
  }
  return done;
}
