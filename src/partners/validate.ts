import { Ajv } from 'ajv';
import { PartnerSchema, type PartnerFile } from './schema.js';
import { describeSchemaErrors } from './schema-errors.js';
import type { SourceText } from './schema-error-messages.js';
import type { Finding } from './problem.js';

// No coercion: a partner file that says `port: "22"` or `usage: 1` is wrong, and saying so beats
// guessing. `verbose` keeps each failing value and schema, which the messages are built from.
const ajv = new Ajv({
  allErrors: true,
  useDefaults: true,
  coerceTypes: false,
  discriminator: true,
  verbose: true,
});
ajv.addKeyword({ keyword: 'secret', schemaType: 'string' });
const check = ajv.compile<PartnerFile>(PartnerSchema);

/**
 * Checks parsed YAML against the partner schema and fills the schema's defaults in place. Every
 * problem is returned, not only the first.
 */
export function validatePartnerFile(data: unknown, source: SourceText = () => undefined): Finding[] {
  return check(data) ? [] : describeSchemaErrors(check.errors ?? [], source);
}
