import type { ErrorObject } from 'ajv';
import { describeSchemaError, show, type SourceText } from './schema-error-messages.js';
import { isWithin, pointerSegment, type Finding } from './problem.js';

type Schema = Record<string, unknown>;
const asSchema = (value: unknown): Schema | undefined =>
  typeof value === 'object' && value !== null ? (value as Schema) : undefined;
const isMapping = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns ajv's errors (compiled with `allErrors` and `verbose`) into one finding per real problem.
 * ajv reports a union by listing the failure of every alternative; a person needs to hear about the
 * alternative they meant, or, when they matched none, what the field accepts.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], source: SourceText): Finding[] {
  const findings: Finding[] = [];
  let pending = explainLiteralSecrets(errors, findings);
  pending = collapseUnions(pending, findings);
  pending = explainTags(pending, findings);
  // A value of the wrong type fails its enum and pattern too; the type is the one to fix.
  const mistyped = new Set(pending.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  pending = pending.filter((e) => e.keyword === 'type' || !mistyped.has(e.instancePath));
  for (const error of pending) findings.push(describeSchemaError(error, source));
  return unique(findings);
}

/** A literal where a secret belongs: explain references once, and never repeat the value. */
function explainLiteralSecrets(errors: readonly ErrorObject[], findings: Finding[]): ErrorObject[] {
  for (const error of errors) {
    const secret = asSchema(error.parentSchema)?.['secret'];
    if (typeof secret !== 'string' || isMapping(error.data)) continue;
    if (findings.some((f) => f.pointer === error.instancePath)) continue;
    const message = literalSecretMessage(error.instancePath, secret, error.data === null);
    findings.push({ pointer: error.instancePath, message });
  }
  return errors.filter((e) => !findings.some((f) => isWithin(e.instancePath, f.pointer)));
}

/** Keeps the errors of the alternative that was meant, or says what the field accepts. */
function collapseUnions(errors: readonly ErrorObject[], findings: Finding[]): ErrorObject[] {
  let pending = [...errors];
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    if (!pending.includes(union)) continue; // inside an alternative already set aside
    const branches = [...branchErrors(pending, union).values()];
    const meant = branches.find((list) => list.every((e) => !isShapeError(e, union.instancePath)));
    pending = pending.filter((e) => (e !== union && !isInside(e, union)) || meant?.includes(e));
    if (!meant) findings.push({ pointer: union.instancePath, message: unionMessage(union) });
  }
  return pending;
}

/** A missing or unknown tag (`kind`, `transport.type`): name the values it may take. */
function explainTags(errors: readonly ErrorObject[], findings: Finding[]): ErrorObject[] {
  let pending = errors.filter((e) => e.keyword !== 'discriminator');
  for (const tag of errors.filter((e) => e.keyword === 'discriminator')) {
    const name = String(tag.params['tag']);
    const values = tagValues(tag.parentSchema, name);
    const allowed = values.length === 1 ? `'${values.join('')}'` : `one of ${values.join(', ')}`;
    const given: unknown = tag.params['tagValue'];
    findings.push({
      pointer: `${tag.instancePath}/${pointerSegment(name)}`,
      message: given === undefined ? `is required: ${allowed}` : `must be ${allowed} (got ${show(given)})`,
    });
    // ajv also reports the tag as a missing required property; once is enough.
    pending = pending.filter(
      (e) =>
        !(
          e.keyword === 'required' &&
          e.instancePath === tag.instancePath &&
          e.params['missingProperty'] === name
        ),
    );
  }
  return pending;
}

function literalSecretMessage(pointer: string, secret: string, empty: boolean): string {
  const field = pointer.split('/').pop() ?? 'secret';
  const file = secret === 'env-or-file' ? ` (or ${field}: { file: path/to/file })` : '';
  const problem = empty
    ? 'is empty'
    : 'must not hold the secret itself (it would travel with every copy of this file)';
  return `${problem}: write ${field}: { env: VARIABLE_NAME }${file} and set that variable where the gateway runs`;
}

function unionMessage(union: ErrorObject): string {
  if (asSchema(union.parentSchema)?.['secret'] === 'env-or-file')
    return 'must be { env: VARIABLE_NAME } or { file: path }';
  return 'does not match any of the forms this field accepts';
}

const isInside = (error: ErrorObject, union: ErrorObject) =>
  error.schemaPath.startsWith(`${union.schemaPath}/`);

/** The errors of each alternative of a union, by alternative. */
function branchErrors(errors: readonly ErrorObject[], union: ErrorObject): Map<string, ErrorObject[]> {
  const branches = new Map<string, ErrorObject[]>();
  for (const error of errors.filter((e) => isInside(e, union))) {
    const branch = error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0] ?? '';
    branches.set(branch, [...(branches.get(branch) ?? []), error]);
  }
  return branches;
}

/** An alternative that fails on its own shape (wrong type, missing or extra keys) was not the one meant. */
function isShapeError(error: ErrorObject, at: string): boolean {
  return (
    error.instancePath === at && ['type', 'required', 'additionalProperties', 'const'].includes(error.keyword)
  );
}

function tagValues(schema: unknown, tag: string): string[] {
  const variants = asSchema(schema)?.['oneOf'];
  if (!Array.isArray(variants)) return [];
  return variants.map((v) => String(asSchema(asSchema(asSchema(v)?.['properties'])?.[tag])?.['const']));
}

function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.pointer}\u0000${f.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
