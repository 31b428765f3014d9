import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

// Readers for the Dockerfile, compose.yaml and .dockerignore, so that tests check (and reproduce)
// what those files say instead of a copy of it that could drift.

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/** One instruction, its continuation lines joined; `args` is the text after the keyword. */
export interface DockerInstruction {
  keyword: string;
  args: string;
}

export interface DockerStage {
  name: string | undefined;
  instructions: DockerInstruction[];
}

/**
 * The stages of the project's Dockerfile, in order (ARG lines before the first FROM dropped).
 *
 * @example
 * const runtime = readDockerfile().at(-1); // the image that runs
 */
export function readDockerfile(path = join(projectRoot, 'Dockerfile')): DockerStage[] {
  const joined = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n\s*/g, '');
  const stages: DockerStage[] = [];
  for (const line of joined.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*?)\s*$/.exec(line);
    if (match === null) continue;
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!;
    if (keyword === 'FROM') {
      stages.push({ name: /\sAS\s+(\S+)$/i.exec(args)?.[1], instructions: [] });
    }
    stages.at(-1)?.instructions.push({ keyword, args });
  }
  return stages;
}

/** The stage named so; fails the test when there is none. */
export function dockerStage(stages: DockerStage[], name: string): DockerStage {
  const stage = stages.find((s) => s.name === name);
  if (stage === undefined) throw new Error(`the Dockerfile has no stage named ${name}`);
  return stage;
}

/** The JSON array of an exec-form instruction (ENTRYPOINT, CMD, VOLUME, HEALTHCHECK's CMD). */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`not an exec-form array of strings: ${args}`);
  }
  return parsed;
}

/** The `ENV KEY=value ...` settings of a stage (the legacy `ENV KEY value` form is refused). */
export function stageEnvironment(stage: DockerStage): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    for (const pair of args.split(/\s+/)) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
      if (match === null) throw new Error(`ENV ${args}: write KEY=value pairs without spaces in values`);
      environment[match[1]!] = match[2]!;
    }
  }
  return environment;
}

/** The last value of a single-valued instruction (WORKDIR, USER, ENTRYPOINT ...) in a stage. */
export function lastArgs(stage: DockerStage, keyword: string): string {
  const found = stage.instructions.filter((i) => i.keyword === keyword).at(-1);
  if (found === undefined) throw new Error(`the stage ${stage.name ?? ''} has no ${keyword}`);
  return found.args;
}

/** A compose service, as far as these tests read it. */
export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  deploy?: { replicas?: number };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * compose.yaml parsed as Compose reads it (YAML merge keys on); a syntax problem or a warning fails.
 *
 * @example
 * const { services } = readCompose();
 */
export function readCompose(path = join(projectRoot, 'compose.yaml')): ComposeFile {
  const document = parseDocument(readFileSync(path, 'utf8'), { merge: true });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) throw new Error(`compose.yaml: ${problems.map((p) => p.message).join('; ')}`);
  return document.toJS() as ComposeFile;
}

/** The service; fails the test when compose.yaml has none by that name. */
export function composeService(compose: ComposeFile, name: string): ComposeService {
  const service = compose.services[name];
  if (service === undefined) throw new Error(`compose.yaml has no service ${name}`);
  return service;
}

/**
 * Compose's variable substitution: `$$`, `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`,
 * `${NAME:?message}` and `${NAME?message}` (which fail, as `docker compose` does, when unset).
 *
 * @example
 * interpolate('${LOG_LEVEL:-info}', {}); // 'info'
 */
export function interpolate(value: string, variables: Record<string, string>): string {
  const pattern = /\$\$|\$([A-Za-z_][A-Za-z0-9_]*)|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g;
  return value.replace(
    pattern,
    (whole, bare?: string, name?: string, colon?: string, op?: string, word?: string) => {
      if (whole === '$$') return '$';
      const key = (bare ?? name)!;
      const set = variables[key];
      const missing = set === undefined || (colon === ':' && set === '');
      if (!missing || op === undefined) return set ?? '';
      if (op === '-') return word ?? '';
      throw new Error(`compose.yaml needs ${key}: ${word ?? ''}`);
    },
  );
}

/** A service's environment as its container gets it, with the variables given to `docker compose`. */
export function serviceEnvironment(
  service: ComposeService,
  variables: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      interpolate(value === null ? '' : String(value), variables),
    ]),
  );
}

/** A volume line `source:target[:mode]` split up. */
export function parseVolume(line: string): { source: string; target: string; readOnly: boolean } {
  const [source, target, mode] = line.split(':');
  if (source === undefined || target === undefined) throw new Error(`volume ${line}: source:target expected`);
  return { source, target, readOnly: mode === 'ro' };
}
