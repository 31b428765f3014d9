import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkPartnerSample, partnerMapping } from '../mapping/index.js';
import { loadPartnerFile, PartnerError } from '../partners/index.js';
import { unsupportedSettings } from '../pipeline/index.js';
import { as2CertificateFiles, certificateNotices } from '../transports/as2/index.js';
import type { CliOutput } from './output.js';
import { folders } from './partner-context.js';
import { readInputFile } from './read-input.js';
import { replaySampleOrders } from './replay-sample-orders.js';

/**
 * `edi-gateway partner check <partner.yaml> [--sample FILE...] [--write-replies DIR]`: validates a
 * partner config and the merged mappings of every set it exchanges, and names what the file asks
 * for that the gateway does not do; with samples, runs each through read -> validate -> map ->
 * render -> read, and replays each sample purchase order through the core to the 855, 856 and 810
 * the partner would get, rendered and validated as theirs. Reports every problem with file and
 * place. Exit 1 on any problem.
 *
 * @example
 * edi-gateway partner check partners/bigbox-retail.yaml --sample fixtures/partners/bigbox-retail/850.edi
 */
export async function partnerCheckCommand(
  file: string,
  options: { sample?: string[]; mappingsDir?: string; writeReplies?: string },
  output: CliOutput,
): Promise<number> {
  const { mappingsDir } = folders(options);
  const problems: string[] = [];
  let partner;
  try {
    partner = loadPartnerFile(file, { mappingsDir });
  } catch (error) {
    if (!(error instanceof PartnerError)) throw error;
    output.err(`${error.message}\n`);
    return 1;
  }
  const notes: string[] = [];
  for (const setting of unsupportedSettings(partner)) {
    // A disabled partner is not served, so what it asks for cannot go wrong yet: a note, not a problem.
    if (partner.enabled) problems.push(`${file}: ${setting.pointer} ${setting.message}`);
    else notes.push(`note: ${file}: ${setting.pointer} ${setting.message} (the partner is disabled)`);
  }
  if (partner.kind === 'x12' && partner.transport.type === 'as2') {
    for (const notice of certificateNotices(as2CertificateFiles(partner.transport), new Date())) {
      const line = `${file}: ${notice.pointer} ${notice.message}`;
      if (notice.severity === 'warning') notes.push(`warning: ${line}`);
      else if (partner.enabled) problems.push(line);
      else notes.push(`note: ${line} (the partner is disabled)`);
    }
  }
  if (partner.kind === 'x12') {
    const version = partner.x12.version.slice(0, 6);
    for (const set of new Set([...partner.documents.inbound, ...partner.documents.outbound])) {
      if (!existsSync(join(mappingsDir, 'x12', version, `${set}.yaml`))) {
        problems.push(
          `${file}: /documents: no mapping for ${set} in version ${version} (${join(mappingsDir, 'x12', version, `${set}.yaml`)})`,
        );
        continue;
      }
      try {
        partnerMapping(partner, set, mappingsDir);
      } catch (error) {
        problems.push(`${file}: /mappings/${set}: ${(error as Error).message}`);
      }
    }
    const now = new Date();
    for (const sample of options.sample ?? []) {
      const bytes = await readInputFile(sample);
      const sampleProblems = checkPartnerSample(bytes, sample, partner, mappingsDir);
      problems.push(...sampleProblems);
      // A sample that is not theirs, or does not read, says nothing about their replies.
      if (sampleProblems.length > 0) continue;
      const replay = replaySampleOrders(bytes, sample, partner, {
        mappingsDir,
        date: now.toISOString().slice(0, 10),
        now,
        ...(options.writeReplies === undefined ? {} : { writeTo: options.writeReplies }),
      });
      problems.push(...replay.problems);
      notes.push(...replay.notes);
    }
  }
  if (partner.kind === 'marketplace') {
    // A marketplace sample is an order as its API or webhook gives it: mapped as the gateway would.
    const { mapMarketplaceFile } = await import('./translate-marketplace.js');
    for (const sample of options.sample ?? []) {
      const bytes = await readInputFile(sample);
      let body: unknown;
      try {
        body = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        problems.push(`${sample}: not JSON: ${(error as Error).message}`);
        continue;
      }
      const mapped = mapMarketplaceFile(sample, body, partner.transport.platform, partner.id);
      problems.push(...mapped.problems);
      if (mapped.documents.length + mapped.refused === 0)
        problems.push(`${sample}: holds no ${partner.transport.platform} order`);
      else
        notes.push(
          `${sample}: ${mapped.documents.length} ${partner.transport.platform} order(s) map to purchase orders`,
        );
    }
  }
  for (const problem of problems) output.err(`${problem}\n`);
  for (const note of notes) output.out(`${note}\n`);
  const samples = options.sample?.length ?? 0;
  output.out(
    `${problems.length === 0 ? 'ok' : 'failed'}: ${partner.id} (${partner.kind}), ${samples} sample${samples === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`,
  );
  return problems.length === 0 ? 0 : 1;
}
