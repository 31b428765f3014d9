import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPartnerFile, loadPartners } from '../../../src/partners/index.js';
import {
  invalid,
  marketplacePartner,
  partnersDir,
  problemLines,
  writePartner,
  x12Partner,
} from './partner-files.js';

describe('partner files and folders', () => {
  it('reports a YAML syntax error with its line and column', () => {
    const text = "id: acme\nname: Acme\nkind: x12\nx12:\n\tversion: '004010'\n";
    const path = writePartner(partnersDir(), 'acme.yaml', text);
    expect(problemLines(() => loadPartnerFile(path))).toEqual([
      `${path}:5:1: is not valid YAML: Tabs are not allowed as indentation`,
    ]);
  });

  it('reports a key written twice as a YAML error', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', 'id: acme\nname: Acme\nid: acme\n');
    expect(problemLines(() => loadPartnerFile(path))).toEqual([
      `${path}:3:1: is not valid YAML: Map keys must be unique`,
    ]);
  });

  it('wants the id to be the file name', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', { ...x12Partner('acme-stores') });
    expect(problemLines(() => loadPartnerFile(path))).toEqual([
      `${path}:1:1: /id is 'acme-stores', but the file is acme.yaml: the id must equal the file name`,
    ]);
  });

  it('refuses two files with one id', () => {
    const dir = partnersDir();
    writePartner(dir, 'acme.yaml', x12Partner());
    const second = writePartner(dir, 'acme.yml', {
      ...x12Partner(),
      identity: {
        theirs: { isaQualifier: 'ZZ', isaId: 'OTHER' },
        ours: { isaQualifier: 'ZZ', isaId: 'SUPPLIER' },
      },
    });
    expect(problemLines(() => loadPartners(dir))).toEqual([
      `${second}:1:1: /id 'acme' is also the id of the partner in ${join(dir, 'acme.yaml')}`,
    ]);
  });

  it('refuses two partners with the same ISA sender, whose files could not be told apart', () => {
    const dir = partnersDir();
    writePartner(dir, 'acme.yaml', x12Partner('acme'));
    const second = writePartner(dir, 'acme-east.yaml', x12Partner('acme-east'));
    // acme-east sorts first, so acme is the one reported.
    expect(problemLines(() => loadPartners(dir))).toEqual([
      `${join(dir, 'acme.yaml')}:5:3: /identity/theirs ZZ/ACMESTORES is also the ISA sender of acme-east (${second}): the gateway could not tell their files apart`,
    ]);
  });

  it('allows the same ISA id under another qualifier', () => {
    const dir = partnersDir();
    writePartner(dir, 'acme.yaml', x12Partner('acme'));
    writePartner(dir, 'acme-duns.yaml', {
      ...x12Partner('acme-duns'),
      identity: {
        theirs: { isaQualifier: '01', isaId: 'ACMESTORES' },
        ours: { isaQualifier: 'ZZ', isaId: 'SUPPLIER' },
      },
    });
    expect(loadPartners(dir).map((p) => p.id)).toEqual(['acme-duns', 'acme']);
  });

  it('reports the problems of every file of a folder at once', () => {
    const dir = partnersDir();
    const broken = writePartner(dir, 'broken.yaml', 'id: [\n');
    const wrong = writePartner(dir, 'wrong.yaml', { ...x12Partner('wrong'), x12: { version: '003040' } });
    writePartner(dir, 'good.yaml', x12Partner('good'));
    const lines = problemLines(() => loadPartners(dir));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(`${broken}:`);
    expect(lines[1]).toMatch(`${wrong}:12:3: /x12/version must be 004010 or 005010`);
  });

  it('reads .yaml and .yml files only, not subfolders or hidden files', () => {
    const dir = partnersDir();
    writePartner(dir, 'acme.yaml', x12Partner('acme'));
    writePartner(dir, 'shop.yml', marketplacePartner('shop'));
    writeFileSync(join(dir, 'README.md'), '# partners\n');
    writeFileSync(join(dir, '.draft.yaml'), 'not: [valid\n');
    mkdirSync(join(dir, 'certs'));
    writeFileSync(join(dir, 'certs', 'acme.yaml'), 'not: [valid\n');
    expect(loadPartners(dir).map((p) => p.id)).toEqual(['acme', 'shop']);
  });

  it('says when the folder itself cannot be read', () => {
    const missing = join(partnersDir(), 'nowhere');
    expect(invalid(() => loadPartners(missing)).message).toMatch(
      `${missing}: cannot be read as the partners folder: ENOENT`,
    );
  });

  it('checks that mapping overrides exist when given the mappings folder', () => {
    const dir = partnersDir();
    const path = join(dir, 'bigbox-retail.yaml');
    copyFileSync('partners/bigbox-retail.yaml', path);
    const mappings = join(dir, 'mappings');
    const line = problemLines(() => loadPartnerFile(path, { mappingsDir: mappings }));
    expect(line).toEqual([
      expect.stringMatching(
        `^${path}:\\d+:\\d+: /mappings/856/overrides names ${join(mappings, 'partners/bigbox-retail/856.yaml')}, which does not exist$`,
      ),
    ]);

    mkdirSync(join(mappings, 'partners', 'bigbox-retail'), { recursive: true });
    writeFileSync(join(mappings, 'partners', 'bigbox-retail', '856.yaml'), 'extends: x12/004010/856\n');
    expect(loadPartnerFile(path, { mappingsDir: mappings }).id).toBe('bigbox-retail');
  });

  it('keeps mapping overrides inside the mappings folder', () => {
    const path = writePartner(partnersDir(), 'acme.yaml', {
      ...x12Partner(),
      mappings: { '850': { overrides: '../../etc/passwd' } },
    });
    expect(problemLines(() => loadPartnerFile(path))).toEqual([
      expect.stringContaining(
        "/mappings/850/overrides must be a path inside the mappings folder, such as partners/bigbox-retail/856.yaml (got '../../etc/passwd')",
      ),
    ]);
  });
});
