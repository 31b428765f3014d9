// Compiles the partner, mapping-file and canonical schemas with ajv at build time, as standalone
// CommonJS validators in dist/schema-validators/, which `precompiledValidator` loads instead of
// compiling them on every start (about 0.35 s of a CLI command). Each set uses the same ajv
// options as its run-time fallback, from the function that builds that instance.
import { mkdirSync, writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { canonicalAjv } from '../dist/canonical/validate.js';
import { canonicalSchemas } from '../dist/canonical/document.js';
import { mappingFileAjv } from '../dist/mapping/engine/load-mapping.js';
import { MappingFile } from '../dist/mapping/engine/mapping-schema.js';
import { partnerSchemaAjv } from '../dist/partners/validate.js';
import { PartnerSchema } from '../dist/partners/schema.js';

const code = { code: { source: true, esm: false } };
const sets = [
  { name: 'partner', ajv: partnerSchemaAjv(code), schemas: { partner: PartnerSchema } },
  { name: 'mapping-file', ajv: mappingFileAjv(code), schemas: { 'mapping-file': MappingFile } },
  { name: 'canonical', ajv: canonicalAjv(code), schemas: canonicalSchemas },
];

// One file per schema, so that a command loads only the validators it uses (all the canonical
// types together are 2.4 MB of code).
mkdirSync('dist/schema-validators', { recursive: true });
for (const { name, ajv, schemas } of sets) {
  for (const [key, schema] of Object.entries(schemas)) {
    const source = standaloneCode(ajv, ajv.compile(schema));
    writeFileSync(`dist/schema-validators/${name}-${key}.cjs`, source);
  }
}
