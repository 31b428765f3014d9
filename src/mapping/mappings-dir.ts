import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The mappings that ship with the gateway, beside its code. */
export const BUNDLED_MAPPINGS = fileURLToPath(new URL('../../mappings/', import.meta.url));

/**
 * Where mappings are read from: MAPPINGS_DIR, else `./mappings` when the gateway runs from a
 * folder that has one, else the mappings that ship with the package.
 */
export function defaultMappingsDir(env: Record<string, string | undefined> = process.env): string {
  if (env['MAPPINGS_DIR']) return env['MAPPINGS_DIR'];
  return existsSync('mappings') ? 'mappings' : BUNDLED_MAPPINGS;
}
