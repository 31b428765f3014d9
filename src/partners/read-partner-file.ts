import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { runChecks, writtenFields } from './checks/index.js';
import { resolvePartner } from './defaults.js';
import { checkMappingFiles } from './mapping-files.js';
import { isWithin, type Finding, type PartnerProblem } from './problem.js';
import type { PartnerFile } from './schema.js';
import { bindReferences } from './secrets.js';
import type { PartnerConfig } from './types.js';
import { validatePartnerFile } from './validate.js';
import { parseYaml, type Position } from './yaml-source.js';

/**
 * The longest partner file read. The demo partners hold under 2,000 characters; the YAML parser
 * takes about a second per 64,000 characters of deeply nested brackets or long lists, so a file
 * past this is refused before parsing rather than holding up whoever loads it.
 */
const MAX_PARTNER_FILE_LENGTH = 16_384;

export interface PartnerLoadOptions {
  /** When given, every mapping override a partner names must exist in this folder. */
  readonly mappingsDir?: string;
}

/** One partner file read: its config when valid, else every problem found in it. */
export interface PartnerFileResult {
  readonly source: string;
  readonly config: PartnerConfig | undefined;
  readonly problems: PartnerProblem[];
  readonly locate: (pointer: string) => Position | undefined;
}

/** Reads, validates and resolves one partner file without throwing, so a folder can report all files at once. */
export function readPartnerFile(path: string, options: PartnerLoadOptions = {}): PartnerFileResult {
  const failed = (problems: PartnerProblem[]) => ({
    source: path,
    config: undefined,
    problems,
    locate: () => undefined,
  });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return failed([{ source: path, pointer: '', message: `cannot be read: ${(error as Error).message}` }]);
  }
  if (text.length > MAX_PARTNER_FILE_LENGTH) {
    return failed([
      {
        source: path,
        pointer: '',
        message: `is ${text.length} characters long: a partner file takes a few thousand, and YAML this large (up to ${MAX_PARTNER_FILE_LENGTH}) is not read, since parsing it would hold up the gateway for seconds`,
      },
    ]);
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    return failed(
      parsed.errors.map(({ message, ...at }) => ({
        source: path,
        pointer: '',
        message: `is not valid YAML: ${message}`,
        ...at,
      })),
    );
  }
  const { value } = parsed.source;
  const written = writtenFields(structuredClone(value));
  const findings = validatePartnerFile(value, (pointer) => parsed.source.text(pointer));
  findings.push(...idFindings(value, path));
  findings.push(...runChecks(value, findings, written));
  if (options.mappingsDir !== undefined && isX12WithValidMappings(value, findings)) {
    findings.push(...checkMappingFiles(value.mappings, options.mappingsDir));
  }

  const locate = (pointer: string) => parsed.source.locate(pointer);
  const problems = findings
    .map((finding): PartnerProblem => ({ source: path, ...finding, ...locate(finding.pointer) }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (problems.length > 0) return { source: path, config: undefined, problems, locate };

  // No problems: the value passed the schema and every check, so it is a PartnerFile.
  const config = resolvePartner(value as PartnerFile);
  bindReferences(config, path);
  return { source: path, config, problems, locate };
}

/** The id is how people and the CLI name a partner: it has to be what the file is called. */
function idFindings(value: unknown, path: string): Finding[] {
  const id = (value as { id?: unknown } | null)?.id;
  const expected = basename(path, extname(path));
  if (typeof id !== 'string' || id === expected) return [];
  return [
    {
      pointer: '/id',
      message: `is '${id}', but the file is ${basename(path)}: the id must equal the file name`,
    },
  ];
}

function isX12WithValidMappings(
  value: unknown,
  findings: readonly Finding[],
): value is Extract<PartnerFile, { kind: 'x12' }> {
  if ((value as { kind?: unknown } | null)?.kind !== 'x12') return false;
  return !findings.some((f) => f.pointer === '' || f.pointer === '/kind' || isWithin(f.pointer, '/mappings'));
}
