import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { precompiledValidator } from '../schema-validators/index.js';
import { PartnerSchema, type PartnerFile } from './schema.js';
import { describeSchemaErrors } from './schema-errors.js';
import type { SourceText } from './schema-error-messages.js';
import type { Finding } from './problem.js';

let compiled: ValidateFunction<PartnerFile> | undefined;

/**
 * The partner schema's validator, compiled on first use: compiling takes longer than reading a
 * partner file, and importing the partners folder must not cost it (the command line starts with
 * it loaded and may never read a partner file).
 */
function partnerCheck(): ValidateFunction<PartnerFile> {
  compiled ??=
    precompiledValidator<PartnerFile>('partner', 'partner') ??
    partnerSchemaAjv().compile<PartnerFile>(PartnerSchema);
  return compiled;
}

/**
 * The ajv instance the partner schema is compiled with, at run time or ahead of it (`extra` adds
 * the build's code options).
 */
export function partnerSchemaAjv(extra: Options = {}): Ajv {
  // No coercion: a partner file that says `port: "22"` or `usage: 1` is wrong, and saying so
  // beats guessing. `verbose` keeps each failing value and schema, which the messages are built from.
  const ajv = new Ajv({
    allErrors: true,
    useDefaults: true,
    coerceTypes: false,
    discriminator: true,
    verbose: true,
    ...extra,
  });
  ajv.addKeyword({ keyword: 'secret', schemaType: 'string' });
  return ajv;
}

/**
 * Checks parsed YAML against the partner schema and fills the schema's defaults in place. Every
 * problem is returned, not only the first.
 */
export function validatePartnerFile(data: unknown, source: SourceText = () => undefined): Finding[] {
  const check = partnerCheck();
  return check(data) ? [] : describeSchemaErrors(check.errors ?? [], source);
}
