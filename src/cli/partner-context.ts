import { loadConfig } from '../config/index.js';
import { defaultMappingsDir } from '../mapping/index.js';
import { loadPartners, PartnerRegistry, type X12PartnerConfig } from '../partners/index.js';
import { CliError } from './cli-error.js';

/** Where partner files and mappings are, from the options or else PARTNERS_DIR / MAPPINGS_DIR. */
export function folders(options: { partnersDir?: string; mappingsDir?: string }): {
  partnersDir: string;
  mappingsDir: string;
} {
  const config = loadConfig(process.env);
  return {
    partnersDir: options.partnersDir ?? config.PARTNERS_DIR,
    mappingsDir: options.mappingsDir ?? defaultMappingsDir(),
  };
}

/** The X12 partner `id` from the partners folder, or a CLI error saying which ids there are. */
export function x12Partner(id: string, partnersDir: string, mappingsDir: string): X12PartnerConfig {
  const registry = new PartnerRegistry(loadPartners(partnersDir, { mappingsDir }));
  const partner = registry.byId(id);
  if (!partner) {
    const known = registry.all().map((p) => p.id);
    throw new CliError(`no partner '${id}' in ${partnersDir} (partners: ${known.join(', ') || 'none'})`);
  }
  if (partner.kind !== 'x12')
    throw new CliError(`partner '${id}' is a marketplace account: it receives marketplace JSON, not X12`);
  return partner;
}
