import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pointerSegment, type Finding } from './problem.js';
import type { PartnerMappings } from './schema/documents.js';

/**
 * Every override a partner names must exist in the mappings folder. The mapping loader accepts a
 * name with or without its extension, so this does too.
 */
export function checkMappingFiles(mappings: PartnerMappings, mappingsDir: string): Finding[] {
  const findings: Finding[] = [];
  for (const [set, choice] of Object.entries(mappings)) {
    const name = choice.overrides;
    if (name === undefined) continue;
    const candidates = /\.(ya?ml|json)$/.test(name)
      ? [name]
      : [`${name}.yaml`, `${name}.yml`, `${name}.json`];
    if (candidates.some((candidate) => existsSync(join(mappingsDir, candidate)))) continue;
    findings.push({
      pointer: `/mappings/${pointerSegment(set)}/overrides`,
      message: `names ${join(mappingsDir, candidates[0] ?? name)}, which does not exist`,
    });
  }
  return findings;
}
