import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findConflicts } from './conflicts.js';
import { PartnerError } from './partner-error.js';
import { readPartnerFile, type PartnerLoadOptions } from './read-partner-file.js';
import type { PartnerConfig } from './types.js';

export type { PartnerLoadOptions } from './read-partner-file.js';

/**
 * Loads one partner file (`partners/<id>.yaml`) and returns its config with every default applied.
 * A bad file throws a {@link PartnerError} with code `partner-invalid` whose message has one line
 * per problem: the file, the line, the path inside the file and what is wrong.
 *
 * @example
 * const partner = loadPartnerFile('partners/bigbox-retail.yaml', { mappingsDir: 'mappings' });
 * partner.kind === 'x12' && partner.x12.delimiters; // { element: '*', component: '>', segment: '~', repetition: undefined }
 * // A bad file:
 * // partners/bigbox-retail.yaml:31:3: /transport/hostKey is required: the server's host key fingerprint as ...
 */
export function loadPartnerFile(path: string, options: PartnerLoadOptions = {}): PartnerConfig {
  const result = readPartnerFile(path, options);
  if (!result.config) throw PartnerError.invalid(result.problems);
  return result.config;
}

/**
 * Loads every `*.yaml` and `*.yml` file of a folder (not its subfolders, where certificates live),
 * in file name order. Problems of all files are reported together, along with problems between
 * files: two partners with one id, or two with the same ISA sender.
 *
 * @example
 * const partners = loadPartners(config.PARTNERS_DIR, { mappingsDir: config.MAPPINGS_DIR });
 * partners.map((p) => p.id); // ['bigbox-retail', 'dropship-direct', 'harbor-home', 'northwind-health']
 */
export function loadPartners(dir: string, options: PartnerLoadOptions = {}): PartnerConfig[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /^[^.].*\.ya?ml$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const message = `cannot be read as the partners folder: ${(error as Error).message}`;
    throw PartnerError.invalid([{ source: dir, pointer: '', message }]);
  }
  const results = names.map((name) => readPartnerFile(join(dir, name), options));
  const loaded = results.flatMap((r) =>
    r.config ? [{ config: r.config, source: r.source, locate: r.locate }] : [],
  );
  const problems = [...results.flatMap((r) => r.problems), ...findConflicts(loaded)];
  if (problems.length > 0) throw PartnerError.invalid(problems);
  return loaded.map((entry) => entry.config);
}
