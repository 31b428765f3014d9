import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { canonicalSchemas, type CanonicalDocumentType } from '../../src/canonical/document.js';
import { canonicalAjv } from '../../src/canonical/validate.js';
import { PartnerSchema } from '../../src/partners/schema.js';
import { partnerSchemaAjv } from '../../src/partners/validate.js';

// The validators `npm run build` compiles ahead of time (dist/schema-validators/) must judge
// exactly as the ones compiled at run time from the sources: same verdict, same errors, same
// defaults filled in. `npm test` builds dist/ first.
const requireDist = createRequire(new URL('../../dist/schema-validators/', import.meta.url));

function built(file: string): ValidateFunction {
  return requireDist(`./${file}.cjs`) as ValidateFunction;
}

function judge(
  validate: ValidateFunction,
  value: unknown,
): { valid: boolean; value: unknown; errors: unknown } {
  const copy: unknown = structuredClone(value);
  const valid = validate(copy);
  const errors = (validate.errors ?? []).map(({ instancePath, keyword, message, params }) => ({
    instancePath,
    keyword,
    message,
    params,
  }));
  return { valid, value: copy, errors };
}

describe('validators compiled at build time', () => {
  it('judge partner files as the run-time partner schema does, defaults included', () => {
    const runtime = partnerSchemaAjv().compile(PartnerSchema);
    const precompiled = built('partner-partner');
    const dir = new URL('../../partners/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const good = parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>;
      const bad = { ...good, enabled: 'yes', transport: { type: 'sftp', port: '22' }, extra: 1 };
      for (const value of [good, bad]) expect(judge(precompiled, value)).toEqual(judge(runtime, value));
    }
  });

  it('judge canonical documents as the run-time canonical schemas do, each type', () => {
    const ajv = canonicalAjv();
    const samples = readdirSync(new URL('../../fixtures/canonical/', import.meta.url)).map(
      (f) =>
        JSON.parse(readFileSync(new URL(`../../fixtures/canonical/${f}`, import.meta.url), 'utf8')) as Record<
          string,
          unknown
        >,
    );
    for (const type of Object.keys(canonicalSchemas) as CanonicalDocumentType[]) {
      const runtime = ajv.compile(canonicalSchemas[type]);
      const precompiled = built(`canonical-${type}`);
      for (const sample of [...samples, { type, id: 1, lines: [{ quantity: '1,5' }] }])
        expect(judge(precompiled, sample)).toEqual(judge(runtime, sample));
    }
  });
});
