import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPartnerFile } from '../../../scripts/fuzz/checks.mjs';
import { partnerFiles } from '../../../scripts/fuzz/targets.mjs';
import { mutatedYaml } from '../../../scripts/fuzz/yaml-mutations.mjs';
import { api, bounded, messages } from './fuzz-api.js';

const files = partnerFiles();
/** The demo partners name certificates beside them: a copy keeps the unmutated files loadable. */
const folder = mkdtempSync(join(tmpdir(), 'edi-fuzz-partners-'));
cpSync(new URL('../../../partners/certs', import.meta.url).pathname, join(folder, 'certs'), {
  recursive: true,
});

describe('damaged partner files', () => {
  it('load, or fail with a PartnerError naming the file and a JSON pointer; never crash or hang', () => {
    fc.assert(
      fc.property(mutatedYaml(files), ({ name, text }) => {
        const path = join(folder, name);
        writeFileSync(path, text);
        expect(messages(bounded(() => checkPartnerFile(api, path)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('start from the demo partners, which load as they are', () => {
    expect(files.map((f) => f.name)).toContain('bigbox-retail.yaml');
    for (const { name, text } of files) {
      const path = join(folder, name);
      writeFileSync(path, text);
      expect(() => api.loadPartnerFile(path)).not.toThrow();
    }
  });
});
