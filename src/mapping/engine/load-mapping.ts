import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { precompiledValidator } from '../../schema-validators/index.js';
import { parseDocument } from 'yaml';
import { GatewayError } from '../../errors/index.js';
import { FileCache } from './file-cache.js';
import { MappingFile, RuleSchema, type Mapping } from './mapping-schema.js';
import { mergeMappingFiles } from './merge.js';

let compiled: ValidateFunction<MappingFile> | undefined;
// Every transmission read and every document rendered loads its mapping: parsing the YAML each
// time cost more than the rest of reading an 850.
const parsedFiles = new FileCache<LoadedFile>();

/**
 * Loads a mapping by name (`x12/004010/850`) from the mappings folder, follows its `extends`
 * chain, layers the given partner overrides on top, and returns what runs. A bad file fails with
 * its name, the path inside it and what is wrong.
 *
 * @example
 * const mapping = loadMapping('./mappings', 'x12/004010/856', ['partners/bigbox-retail/856']);
 */
export function loadMapping(mappingsDir: string, name: string, overrides: readonly string[] = []): Mapping {
  const chain = [
    ...resolveChain(mappingsDir, name, []),
    ...overrides.flatMap((o) => resolveChain(mappingsDir, o, [])),
  ];
  const merged = mergeMappingFiles(chain.map((c) => c.file));
  const last = chain[chain.length - 1]?.path ?? name;
  for (const key of ['set', 'version', 'document'] as const) {
    if (!merged[key])
      throw invalid(last, `/${key}`, `is missing (neither the file nor what it extends sets it)`);
  }
  return {
    set: merged.set as string,
    version: merged.version as string,
    document: merged.document as string,
    tables: merged.tables ?? {},
    defaults: merged.defaults ?? {},
    body: merged.body ?? [],
    sources: [...new Set(chain.map((c) => c.path))],
  };
}

interface LoadedFile {
  path: string;
  file: MappingFile;
}

/** The file and what it extends, base first. */
function resolveChain(dir: string, name: string, seen: string[]): LoadedFile[] {
  if (seen.includes(name))
    throw invalid(name, '/extends', `extends itself through ${[...seen, name].join(' -> ')}`);
  const file = readMappingFile(dir, name);
  const base = file.file.extends ? resolveChain(dir, file.file.extends, [...seen, name]) : [];
  return [...base, file];
}

/** Reads and validates one mapping file: `name` with its extension, or `name` + `.yaml`/`.yml`/`.json`. */
export function readMappingFile(dir: string, name: string): LoadedFile {
  const candidates = /\.(ya?ml|json)$/.test(name) ? [name] : [`${name}.yaml`, `${name}.yml`, `${name}.json`];
  const path = candidates.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (!path)
    throw invalid(
      join(dir, candidates[0] ?? name),
      '',
      `no such mapping file (looked for ${candidates.join(', ')} in ${dir})`,
    );
  return parsedFiles.read(path, parseFile);
}

/**
 * The mapping file schema's validator, compiled on first use, so that importing the mapping
 * engine (which the command line and the API do at start) does not pay for it.
 */
function mappingFileCheck(): ValidateFunction<MappingFile> {
  compiled ??=
    precompiledValidator<MappingFile>('mapping-file', 'mapping-file') ??
    mappingFileAjv().compile<MappingFile>(MappingFile);
  return compiled;
}

/** The ajv instance mapping files are checked with, at run time or ahead of it (`extra`: the build's code options). */
export function mappingFileAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, ...extra });
  ajv.addSchema(RuleSchema);
  return ajv;
}

function parseFile(path: string): LoadedFile {
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const where = first?.linePos?.[0] ? `line ${first.linePos[0].line}, column ${first.linePos[0].col}` : '';
    throw invalid(path, where, `is not valid YAML: ${first?.message.split('\n')[0] ?? 'syntax error'}`);
  }
  const value: unknown = doc.toJS();
  const check = mappingFileCheck();
  if (!check(value)) {
    // The if/then that picks a rule's kind adds "must match then schema" to the real error.
    const problems = (check.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .map((e) => {
        const extra =
          e.keyword === 'additionalProperties' ? ` ('${String(e.params['additionalProperty'])}')` : '';
        return `${path}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
      });
    throw new GatewayError('mapping-invalid', [...new Set(problems)].join('\n'), {
      permanent: true,
      status: 500,
    });
  }
  return { path, file: value };
}

function invalid(file: string, where: string, message: string): GatewayError {
  return new GatewayError('mapping-invalid', `${file}: ${where ? `${where} ` : ''}${message}`, {
    permanent: true,
    status: 500,
  });
}
